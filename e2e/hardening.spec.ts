/**
 * The HTTP layer under requests no browser sends: oversized and chunked bodies, legacy data requests,
 * and the headers every answer carries. Sent with node:http or Playwright's request context.
 */
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import zlib from "node:zlib";
import type { APIRequestContext } from "@playwright/test";
import Database from "better-sqlite3";
import { expect, test } from "./support/fixtures";
import { DEMO, DEMO_PASSWORD } from "./support/people";
import { rawGet, streamChunkedBody } from "./support/raw-http";
import { PROJECT_ROOT } from "./support/server";
import { sharedServer } from "./support/shared-server";

const MiB = 1024 * 1024;
const TOO_LARGE = "That is too much to send at once (the limit is 2 MB).";

test.describe("request bodies", () => {
  test("a chunked body with no length is refused with 413 once it passes 2 MB, before the rest is read", async ({
    baseURL,
  }) => {
    // No log-in needed: the log-in form itself is the target.
    const answer = await streamChunkedBody(baseURL ?? "", "/login", {
      total: 256 * MiB,
      prefix: "email=someone%40example.org&padding=",
    });
    expect(answer.status).toBe(413);
    expect(answer.body).toBe(TOO_LARGE);
    expect(answer.headers.connection).toBe("close");
    // Answered soon after the limit: what was sent beyond it sat in socket buffers, unread.
    expect(answer.sentBeforeAnswer).toBeGreaterThan(2 * MiB);
    expect(answer.sentBeforeAnswer).toBeLessThan(24 * MiB);

    const health = await fetch(`${baseURL}/healthz`);
    expect(await health.text()).toBe("ok");
  });

  test("a chunked body under the limit is read and answered as usual", async ({ baseURL }) => {
    const answer = await streamChunkedBody(baseURL ?? "", "/login", {
      total: Math.floor(1.5 * MiB),
      prefix: "email=someone%40example.org&padding=",
    });
    // The form is read in full: its missing password is explained, as for any form.
    expect(answer.status).toBe(400);
    expect(answer.body).toContain("Enter your password.");
  });

  test("a declared Content-Length over the limit is refused before anything is read", async ({ baseURL }) => {
    const url = new URL("/signup", baseURL);
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = http.request({
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: "POST",
        headers: {
          "Content-Type": "application/x-www-form-urlencoded",
          "Content-Length": String(100 * MiB),
          Origin: url.origin,
        },
      });
      request.on("response", (response) => {
        let body = "";
        response.on("data", (chunk: Buffer) => {
          body += chunk.toString("utf8");
        });
        response.on("end", () => {
          resolve({ status: response.statusCode ?? 0, body });
          request.destroy();
        });
      });
      request.on("error", reject);
      // Only the headers are sent: the answer must not wait for a body.
      request.flushHeaders();
    });
    expect(answer).toEqual({ status: 413, body: TOO_LARGE });
  });
});

/** A real id from the shared server's demo data for each route parameter, where one exists. */
function demoIds(): Record<string, string> {
  const db = new Database(sharedServer.databasePath, { readonly: true, fileMustExist: true });
  const first = (sql: string) => (db.prepare(sql).get() as { id: string } | undefined)?.id;
  const unknown = "AAAAAAAAAAAAAAAAAAAAAA";
  try {
    return {
      cohortId: first("select id from cohorts order by rowid limit 1") ?? unknown,
      assignmentId:
        first("select id from assignments where cohort_id = (select id from cohorts order by rowid limit 1)") ??
        unknown,
      userId: first("select user_id as id from cohort_members limit 1") ?? unknown,
      courseId: first("select id from courses limit 1") ?? unknown,
      token: "not-a-real-invitation-token-at-all",
      enrolmentId: first("select id from enrolments limit 1") ?? unknown,
      moduleVersionId: first("select id from module_versions limit 1") ?? unknown,
      section: "1",
      entryId: first("select id from reflections limit 1") ?? unknown,
      membershipId: first("select id from memberships limit 1") ?? unknown,
      resourceId: first("select id from support_resources limit 1") ?? unknown,
      moduleId: first("select id from modules limit 1") ?? unknown,
      snapshotId: first("select id from module_snapshots limit 1") ?? unknown,
    };
  } finally {
    db.close();
  }
}

/** Every route file, as its Remix route id and an address it answers, parameters filled in. */
function everyRoute(ids: Record<string, string>) {
  return fs
    .readdirSync(path.join(PROJECT_ROOT, "app/routes"))
    .filter((file) => file.endsWith(".tsx"))
    .map((file) => {
      const name = file.replace(/\.tsx$/, "");
      const segments = name
        .replace(/\[\.\]/g, "\u0000")
        .split(".")
        .filter((segment) => segment !== "_index")
        .map((segment) => (segment.startsWith("$") ? (ids[segment.slice(1)] ?? "x") : segment).replace("\u0000", "."));
      return { id: `routes/${name}`, path: `/${segments.join("/")}` };
    });
}

test("legacy ?_data= requests answer 400, never 500, on every route, signed in or not", async ({
  playwright,
  baseURL,
}) => {
  test.slow();
  const routes = everyRoute(demoIds());
  const routeIds = ["root", ...routes.map((r) => r.id), "routes/nope"];
  const people: (string | null)[] = [null, DEMO.admin, DEMO.trainer, DEMO.facilitator, DEMO.learner];
  const problems: string[] = [];
  for (const person of people) {
    const client: APIRequestContext = await playwright.request.newContext({ baseURL });
    if (person) {
      const login = await client.post("/login", {
        form: { email: person, password: DEMO_PASSWORD },
        headers: { Origin: baseURL ?? "" },
        maxRedirects: 0,
      });
      expect(login.status()).toBe(302);
    }
    const asked: [string, string, string][] = [];
    // Each route's own id and its parents' (the ones Remix would run), plus one that does not match.
    for (const route of routes) {
      for (const id of routeIds) {
        const own = route.id === id || route.id.startsWith(`${id.replace(/\._index$/, "")}.`) || id === "root";
        if (own || id === "routes/nope") asked.push(["GET", route.path, id]);
      }
      asked.push(["POST", route.path, route.id]);
    }
    for (const id of routeIds) asked.push(["GET", "/", id]);
    for (const [method, address, id] of asked) {
      const url = `${address}?_data=${encodeURIComponent(id)}`;
      const response =
        method === "GET"
          ? await client.get(url, { maxRedirects: 0 })
          : await client.post(url, { form: { intent: "x" }, headers: { Origin: baseURL ?? "" }, maxRedirects: 0 });
      if (response.status() !== 400) problems.push(`${person ?? "anyone"} ${method} ${url} → ${response.status()}`);
    }
    await client.dispose();
  }
  expect(problems).toEqual([]);
});

test.describe("headers", () => {
  test("every answer tells the browser not to guess its type: assets, icons, the health check, pages, refusals", async ({
    request,
  }) => {
    const login = await request.get("/login");
    const html = await login.text();
    const assets = [...html.matchAll(/(?:href|src)="(\/build\/[^"]+)"/g)].map((m) => m[1] ?? "");
    expect(assets.some((a) => a.endsWith(".css"))).toBe(true);
    expect(assets.some((a) => a.endsWith(".js"))).toBe(true);
    for (const address of ["/login", "/healthz", "/favicon.svg", "/no-such-page", "/?_data=root", ...assets]) {
      const response = await request.get(address);
      expect(response.headers()["x-content-type-options"], address).toBe("nosniff");
    }
    const refused = await request.post("/login", {
      headers: { Origin: "https://elsewhere.example" },
      form: { email: "x" },
    });
    expect(refused.status()).toBe(403);
    expect(refused.headers()["x-content-type-options"]).toBe("nosniff");
  });

  test("pages may open WebSockets to this site only", async ({ request }) => {
    const policy = (await request.get("/login")).headers()["content-security-policy"] ?? "";
    const connect = policy
      .split(";")
      .map((d) => d.trim())
      .find((d) => d.startsWith("connect-src"));
    expect(connect).toBe("connect-src 'self'");
  });
});

test.describe("private pages", () => {
  test("everything a signed-in person is sent is marked no-store, and logging out clears the browser's cache", async ({
    playwright,
    baseURL,
    request,
  }) => {
    const ids = demoIds();
    const signedIn = async (email: string) => {
      const client = await playwright.request.newContext({ baseURL });
      const login = await client.post("/login", {
        form: { email, password: DEMO_PASSWORD },
        headers: { Origin: baseURL ?? "" },
        maxRedirects: 0,
      });
      expect(login.status()).toBe(302);
      return client;
    };
    const trainer = await signedIn(DEMO.trainer);
    const learner = await signedIn(DEMO.learner);
    const admin = await signedIn(DEMO.admin);
    const pages: [APIRequestContext, string][] = [
      [learner, "/learn"],
      [learner, "/learn/journal"],
      [learner, "/learn/journal/export"],
      [learner, "/learn.data"],
      [learner, "/account"],
      [learner, "/account.data"],
      [trainer, "/cohorts"],
      [trainer, `/cohorts/${ids.cohortId}`],
      [trainer, `/cohorts/${ids.cohortId}/progress.csv?assignment=${ids.assignmentId}`],
      [trainer, `/cohorts/${ids.cohortId}.data`],
      [admin, "/organisation"],
      [admin, "/organisation/activity"],
      [admin, "/login"],
    ];
    for (const [client, address] of pages) {
      const response = await client.get(address, { maxRedirects: 0 });
      expect(response.status(), address).toBeLessThan(400);
      expect(response.headers()["cache-control"], address).toBe("no-store");
    }

    // Logging out asks the browser to drop what it kept of the site.
    const logout = await learner.post("/logout", { headers: { Origin: baseURL ?? "" }, maxRedirects: 0 });
    expect(logout.status()).toBe(302);
    expect(logout.headers()["clear-site-data"]).toBe('"cache"');
    for (const client of [trainer, learner, admin]) await client.dispose();

    // Built assets stay cacheable for everyone: their names change with their content.
    const html = await (await request.get("/login")).text();
    const asset = /href="(\/build\/[^"]+\.css)"/.exec(html)?.[1] ?? "";
    expect((await request.get(asset)).headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
  });
});

test.describe("compression", () => {
  test("pages, styles and scripts are sent compressed to browsers that ask, and whole to those that do not", async ({
    baseURL,
    playwright,
  }) => {
    const learner = await playwright.request.newContext({ baseURL });
    await learner.post("/login", {
      form: { email: DEMO.learner, password: DEMO_PASSWORD },
      headers: { Origin: baseURL ?? "" },
      maxRedirects: 0,
    });
    const cookie = (await learner.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join("; ");
    await learner.dispose();

    const login = (await rawGet(`${baseURL}/login`)).bytes.toString("utf8");
    const assets = [...login.matchAll(/(?:href|src)="(\/build\/[^"]+\.(?:css|js))"/g)].map((m) => m[1] ?? "");
    const compressedKinds = new Set<string>();
    const sizes = { whole: 0, sent: 0 };
    // The log-in page is streamed; My learning is rendered in one piece; the rest are built files.
    for (const [address, headers] of [
      ["/login", {}],
      ["/learn", { Cookie: cookie }],
      ...assets.map((a) => [a, {}] as const),
    ] as const) {
      const whole = await rawGet(`${baseURL}${address}`, headers);
      expect(whole.status, address).toBe(200);
      expect(whole.headers["content-encoding"], address).toBeUndefined();
      // Under 1 KB, compressing saves less than it costs: such files may come either way.
      if (whole.bytes.length < 1024) continue;
      compressedKinds.add(address.startsWith("/build/") ? path.extname(address) : "page");
      const compressed = await rawGet(`${baseURL}${address}`, { ...headers, "Accept-Encoding": "gzip" });
      expect(compressed.headers["content-encoding"], address).toBe("gzip");
      expect(compressed.headers.vary, address).toMatch(/Accept-Encoding/i);
      const unpacked = zlib.gunzipSync(compressed.bytes);
      // Pages differ in their nonce from one answer to the next; built files are the same bytes.
      if (address.startsWith("/build/")) expect(unpacked.equals(whole.bytes), address).toBe(true);
      else expect(unpacked.toString("utf8"), address).toContain("</html>");
      expect(compressed.bytes.length, address).toBeLessThan(whole.bytes.length);
      sizes.whole += whole.bytes.length;
      sizes.sent += compressed.bytes.length;
    }
    expect([...compressedKinds].sort()).toEqual([".css", ".js", "page"]);
    // Together, what a first visit downloads shrinks to well under half.
    expect(sizes.sent).toBeLessThan(sizes.whole * 0.4);
  });

  test("built files come as the Brotli or gzip copies made at build time; pages and CSV downloads as Brotli", async ({
    baseURL,
    playwright,
  }) => {
    const trainer = await playwright.request.newContext({ baseURL });
    await trainer.post("/login", {
      form: { email: DEMO.trainer, password: DEMO_PASSWORD },
      headers: { Origin: baseURL ?? "" },
      maxRedirects: 0,
    });
    const cookie = (await trainer.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join("; ");
    // The first cohort with something assigned (other tests add cohorts of their own to the demo).
    const cohorts = await (await trainer.get("/cohorts")).text();
    let csv = "";
    for (const [, cohort] of cohorts.matchAll(/href="(\/cohorts\/[A-Za-z0-9_-]{22})"/g)) {
      const progress = await (await trainer.get(cohort ?? "")).text();
      csv = (/href="([^"]*progress\.csv\?[^"]+)"/.exec(progress)?.[1] ?? "").replaceAll("&amp;", "&");
      if (csv) break;
    }
    expect(csv, "the demo cohort's progress download").toMatch(/progress\.csv\?assignment=/);
    await trainer.dispose();

    const login = (await rawGet(`${baseURL}/login`, {})).bytes.toString("utf8");
    const assets = [...login.matchAll(/(?:href|src)="(\/build\/[^"]+\.(?:css|js))"/g)].map((m) => m[1] ?? "");
    const built = assets.filter((a) => fs.statSync(path.join(PROJECT_ROOT, "public", a)).size >= 1024);
    expect(built.length).toBeGreaterThan(2);
    for (const address of built) {
      const onDisk = path.join(PROJECT_ROOT, "public", address);
      const br = await rawGet(`${baseURL}${address}`, { "Accept-Encoding": "gzip, deflate, br" });
      expect(br.headers["content-encoding"], address).toBe("br");
      // The very bytes written at build time, at Brotli's strongest setting, not a quick squeeze now.
      expect(br.bytes.equals(fs.readFileSync(`${onDisk}.br`)), address).toBe(true);
      expect(zlib.brotliDecompressSync(br.bytes).equals(fs.readFileSync(onDisk)), address).toBe(true);
      expect(br.headers["cache-control"], address).toBe("public, max-age=31536000, immutable");
      const gz = await rawGet(`${baseURL}${address}`, { "Accept-Encoding": "gzip" });
      expect(gz.headers["content-encoding"], address).toBe("gzip");
      expect(gz.bytes.equals(fs.readFileSync(`${onDisk}.gz`)), address).toBe(true);
    }

    for (const [address, expected] of [
      ["/cohorts", "</html>"],
      [csv, "Learner,Email"],
    ] as const) {
      const br = await rawGet(`${baseURL}${address}`, { Cookie: cookie, "Accept-Encoding": "gzip, deflate, br" });
      expect(br.status, address).toBe(200);
      expect(br.headers["content-encoding"], address).toBe("br");
      expect(zlib.brotliDecompressSync(br.bytes).toString("utf8"), address).toContain(expected);
    }
  });
});

test.describe("what search engines and browsers ask for", () => {
  test("every page has one meta description, refined where a page says more", async ({ playwright, baseURL }) => {
    const descriptionsOf = async (client: APIRequestContext, address: string) => {
      const html = await (await client.get(address)).text();
      return [...html.matchAll(/<meta name="description" content="([^"]*)"/g)].map((m) => m[1] ?? "");
    };
    const anyone = await playwright.request.newContext({ baseURL });
    const learner = await playwright.request.newContext({ baseURL });
    await learner.post("/login", {
      form: { email: DEMO.learner, password: DEMO_PASSWORD },
      headers: { Origin: baseURL ?? "" },
      maxRedirects: 0,
    });
    const seen = new Map<string, string>();
    for (const [client, address] of [
      [anyone, "/"],
      [anyone, "/login"],
      [anyone, "/signup"],
      [anyone, "/support"],
      [anyone, "/no-such-page"],
      [learner, "/learn"],
      [learner, "/learn/journal"],
      [learner, "/account"],
    ] as const) {
      const found = await descriptionsOf(client, address);
      expect(found, address).toHaveLength(1);
      expect(found[0]?.length ?? 0, address).toBeGreaterThan(50);
      seen.set(address, found[0] ?? "");
    }
    expect(seen.get("/login")).not.toBe(seen.get("/"));
    expect(seen.get("/signup")).not.toBe(seen.get("/"));
    await anyone.dispose();
    await learner.dispose();
  });

  test("/favicon.ico leads to the icon", async ({ baseURL }) => {
    const icon = await rawGet(`${baseURL}/favicon.ico`);
    expect(icon.status).toBe(301);
    expect(icon.headers.location).toBe("/favicon.svg");
    expect(icon.headers["x-content-type-options"]).toBe("nosniff");
    const svg = await rawGet(`${baseURL}/favicon.svg`);
    expect(svg.status).toBe(200);
    expect(svg.headers["content-type"]).toMatch(/^image\/svg\+xml/);
  });
});
