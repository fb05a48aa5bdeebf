import Database from "better-sqlite3";
import { logInForCookie } from "../modules/testing/collab-client";
import { sectionUrl } from "./bench/learner-load";
import { expect, test } from "./support/fixtures";
import { DEMO, DEMO_PASSWORD } from "./support/people";
import type { RunningServer, ServerOptions } from "./support/server";

/**
 * Per answer, not per page: the CSP nonce is fresh each time and the date is the clock's. How the
 * bytes travel differs by design (whole or streamed; gzip first on the lean path, Brotli first in
 * the middleware) and is checked on its own.
 */
const PER_ANSWER = new Set([
  "date",
  "content-security-policy",
  "content-length",
  "transfer-encoding",
  "connection",
  "content-encoding",
]);

type Answer = { status: number; location: string | null; headers: string[]; body: string };

/** An answer as it can be compared: without what belongs to one answer rather than to the page. */
async function comparable(response: Response): Promise<Answer> {
  const body = (await response.text())
    .replace(/nonce="[^"]+"/g, 'nonce=""')
    // Remix ends every page with an empty placeholder for the data it streams to client code, after
    // </html>, where a browser shows nothing; these pages have no client code to read it.
    .replace(/<!--\$--><!--\/\$-->$/, "");
  const headers = [...response.headers].filter(([name]) => !PER_ANSWER.has(name)).map(([n, v]) => `${n}: ${v}`);
  return { status: response.status, location: response.headers.get("location"), headers, body };
}

async function answer(baseURL: string, pathname: string, cookie: string | null): Promise<Answer> {
  const response = await fetch(`${baseURL}${pathname}`, {
    headers: { ...(cookie ? { Cookie: cookie } : {}), "Accept-Encoding": "gzip, deflate, br" },
    redirect: "manual",
  });
  return comparable(response);
}

/** A form post as a browser without client code sends it. */
async function posted(baseURL: string, pathname: string, cookie: string, form: Record<string, string | string[]>) {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(form)) for (const one of [value].flat()) body.append(name, one);
  const response = await fetch(`${baseURL}${pathname}`, {
    method: "POST",
    body,
    headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded", Origin: baseURL },
    redirect: "manual",
  });
  return comparable(response);
}

type StartServer = (options?: ServerOptions) => Promise<RunningServer>;

/** Two servers on one database, one with the lean path and one without, and the learner signed in. */
async function leanAndRemix(startServer: StartServer) {
  const lean = await startServer({ label: "lean pages" });
  const full = await startServer({
    label: "Remix only",
    databasePath: lean.databasePath,
    env: { LEAN_PAGES: "false", SEED_DEMO: "false" },
  });
  const cookie = await logInForCookie(lean.baseURL, DEMO.learner, DEMO_PASSWORD);
  const first = await sectionUrl(lean.baseURL, cookie);
  return { lean, full, cookie, first };
}

/**
 * The lean path (ADR 40) must give exactly the page Remix gives. Two servers on one database, one
 * with the lean path and one without, answer the same learner's requests; every page, status and
 * header is compared. That the lean server really took its own path shows in how it sends a page:
 * whole, with its length, where Remix's streamed pages have none.
 */
test("learner pages from the lean path are the very pages Remix renders, for a learner and a visitor", async ({
  startServer,
}) => {
  test.setTimeout(180_000);
  const { lean, full, cookie, first } = await leanAndRemix(startServer);
  const outline = first.replace(/\/m\/.*$/, "");
  // One section done, so the outline and the section show progress too.
  const done = await fetch(`${lean.baseURL}${first}`, {
    method: "POST",
    body: new URLSearchParams({ intent: "next" }),
    headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded", Origin: lean.baseURL },
    redirect: "manual",
  });
  expect(done.status).toBe(302);

  const outlinePage = await answer(lean.baseURL, outline, cookie);
  const sections = [...new Set([...outlinePage.body.matchAll(/href="(\/learn\/e\/[^"]+\/s\/\d+)"/g)].map((m) => m[1]))];
  expect(sections.length).toBeGreaterThan(3);

  const learnerPages = [
    "/learn",
    outline,
    `${outline}?finished=1`,
    ...sections.flatMap((section) => [section ?? "", `${section}?shown=1`]),
    "/learn/journal",
    "/learn/journal/self-care",
    "/learn/supervision",
    "/support",
    "/support/choose",
  ];
  for (const pathname of learnerPages) {
    const [mine, remix] = await Promise.all([
      answer(lean.baseURL, pathname, cookie),
      answer(full.baseURL, pathname, cookie),
    ]);
    expect(mine.status, pathname).toBe(200);
    expect(mine, pathname).toEqual(remix);
    // Asked again, the lean path answers from the pages it remembers (ADR 41): still the same page.
    expect(await answer(lean.baseURL, pathname, cookie), `${pathname} again`).toEqual(remix);
    const [leanSent, fullSent] = await Promise.all(
      [lean, full].map((server) => fetch(`${server.baseURL}${pathname}`, { headers: { Cookie: cookie } })),
    );
    expect(leanSent?.headers.get("content-length"), `${pathname} is sent whole by the lean path`).toBeTruthy();
    expect(leanSent?.headers.get("content-encoding"), `${pathname} is compressed`).toBe("gzip");
    expect(fullSent?.headers.get("content-encoding"), `${pathname} is compressed`).toBe("gzip");
    expect(fullSent?.headers.get("content-length"), `${pathname} is streamed by Remix`).toBeNull();
  }

  // A remembered page is never one the learner's data has moved on from: after the next step, the
  // outline and the section just done show it, as Remix's do.
  let second = "";
  let before: Answer | null = null;
  for (const section of sections) {
    const shown = await answer(lean.baseURL, section ?? "", cookie);
    if (/ · (done|skipped for now)<\/p>/.test(shown.body)) continue;
    second = section ?? "";
    before = shown;
    break;
  }
  expect(before, "a section not yet done").not.toBeNull();
  const stepped = await fetch(`${lean.baseURL}${second}`, {
    method: "POST",
    body: new URLSearchParams({ intent: "next" }),
    headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded", Origin: lean.baseURL },
    redirect: "manual",
  });
  expect(stepped.status).toBe(302);
  for (const pathname of [outline, second]) {
    const [mine, remix] = await Promise.all([
      answer(lean.baseURL, pathname, cookie),
      answer(full.baseURL, pathname, cookie),
    ]);
    expect(mine, `${pathname} after a step`).toEqual(remix);
  }
  expect((await answer(lean.baseURL, second, cookie)).body).not.toEqual(before?.body);

  // What the lean path leaves to Remix still comes out the same: a page that does not exist, a
  // section past the end, an enrolment that is not theirs, client code's data request, a visitor
  // sent to log in, and a visitor's support pages.
  const elsewhere: [string, string | null][] = [
    ["/learn/nowhere", cookie],
    [first.replace(/\/s\/\d+$/, "/s/499"), cookie],
    ["/learn/e/AAAAAAAAAAAAAAAAAAAAAA", cookie],
    [`${outline}.data`, cookie],
    [outline, null],
    ["/support", null],
    ["/support/choose", null],
  ];
  for (const [pathname, who] of elsewhere) {
    const [mine, remix] = await Promise.all([answer(lean.baseURL, pathname, who), answer(full.baseURL, pathname, who)]);
    expect(mine, `${pathname}${who ? "" : " (visitor)"}`).toEqual(remix);
  }
});

/**
 * A learner's form posts by the lean path (ADR 42): the action runs once there, its redirect is sent
 * as Remix would send it, and whatever else it gives is handed to Remix to render without running
 * the action again. Every answer is compared with Remix's own, and the events written are counted.
 */
test("a learner's form posts by the lean path answer as Remix does, and each runs its action once", async ({
  startServer,
}) => {
  test.setTimeout(180_000);
  const { lean, full, cookie, first } = await leanAndRemix(startServer);
  const db = new Database(lean.databasePath, { readonly: true });
  const events = () => (db.prepare("select count(*) as n from progress_events").get() as { n: number }).n;
  try {
    const page = await answer(lean.baseURL, first, cookie);
    const checkId = page.body.match(/name="checkId" value="([^"]+)"/)?.[1] ?? "";
    const option = page.body.match(/name="option" value="([^"]+)"/)?.[1] ?? "";
    expect(checkId, "the first section has a knowledge check").not.toBe("");

    // Each kind of answer, from each server in turn: the lean one first, so Remix's shows the same state.
    const cases: [string, Record<string, string | string[]>, number][] = [
      ["next", { intent: "next" }, 1],
      ["an answer", { intent: "answer", checkId, option }, 1],
      ["an answer with nothing chosen", { intent: "answer", checkId }, 0],
      ["an answer to a check from elsewhere", { intent: "answer", checkId: "not-here", option }, 0],
      ["a forged intent", { intent: "delete-everything" }, 0],
      ["no intent", {}, 0],
    ];
    for (const [what, form, written] of cases) {
      const before = events();
      const mine = await posted(lean.baseURL, first, cookie, form);
      const afterMine = events();
      const remix = await posted(full.baseURL, first, cookie, form);
      expect(mine, what).toEqual(remix);
      expect(afterMine - before, `${what}: events written by the lean path`).toBe(written);
      expect(events() - afterMine, `${what}: events written by Remix`).toBe(written);
    }

    // Posts the lean path does not answer itself come out the same too: an enrolment that is not
    // theirs, a section past the end, a page with no form, and client code's data request.
    const elsewhere = [
      first.replace(/\/learn\/e\/[^/]+/, "/learn/e/AAAAAAAAAAAAAAAAAAAAAA"),
      first.replace(/\/s\/\d+$/, "/s/499"),
      "/learn",
      "/support",
    ];
    for (const pathname of elsewhere) {
      const before = events();
      const [mine, remix] = await Promise.all([
        posted(lean.baseURL, pathname, cookie, { intent: "next" }),
        posted(full.baseURL, pathname, cookie, { intent: "next" }),
      ]);
      expect(mine, pathname).toEqual(remix);
      expect(events(), `${pathname} writes nothing`).toBe(before);
    }
    // Client code's own data request is Remix's protocol: the lean path leaves it, so it runs once.
    for (const [name, server] of [
      ["lean", lean],
      ["Remix only", full],
    ] as const) {
      const before = events();
      const data = await posted(server.baseURL, `${first}.data`, cookie, { intent: "next" });
      expect(data.status, name).toBe(202);
      expect(events() - before, `${name}: a data request's action runs once`).toBe(1);
    }
  } finally {
    db.close();
  }
});
