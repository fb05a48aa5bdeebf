import { logInForCookie } from "../modules/testing/collab-client";
import { sectionUrl } from "./bench/learner-load";
import { expect, test } from "./support/fixtures";
import { DEMO, DEMO_PASSWORD } from "./support/people";

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

async function answer(baseURL: string, pathname: string, cookie: string | null): Promise<Answer> {
  const response = await fetch(`${baseURL}${pathname}`, {
    headers: { ...(cookie ? { Cookie: cookie } : {}), "Accept-Encoding": "gzip, deflate, br" },
    redirect: "manual",
  });
  const body = (await response.text())
    .replace(/nonce="[^"]+"/g, 'nonce=""')
    // Remix ends every page with an empty placeholder for the data it streams to client code, after
    // </html>, where a browser shows nothing; these pages have no client code to read it.
    .replace(/<!--\$--><!--\/\$-->$/, "");
  const headers = [...response.headers].filter(([name]) => !PER_ANSWER.has(name)).map(([n, v]) => `${n}: ${v}`);
  return { status: response.status, location: response.headers.get("location"), headers, body };
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
  const lean = await startServer({ label: "lean pages" });
  const full = await startServer({
    label: "Remix only",
    databasePath: lean.databasePath,
    env: { LEAN_PAGES: "false", SEED_DEMO: "false" },
  });
  const cookie = await logInForCookie(lean.baseURL, DEMO.learner, DEMO_PASSWORD);
  const first = await sectionUrl(lean.baseURL, cookie);
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
