/**
 * The accessibility check every other spec relies on can fail: a page with a violation is refused,
 * with JavaScript and without it (where a copy is checked, with the page's own styles), and inside a
 * frame. The pages come from a small server of the test's own, so that a copy fetches their styles.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Page } from "@playwright/test";
import { expectAccessible } from "./support/accessibility";
import { expect, test } from "./support/fixtures";
import { markChecked } from "./support/tracking";

function document(body: string) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Check</title>
<link rel="stylesheet" href="/faint.css"></head><body><main><h1>Check</h1>${body}</main></body></html>`;
}

const PAGES: Record<string, string> = {
  "/clean": document("<p>Nothing wrong here.</p>"),
  "/no-alt": document('<img src="/a.png">'),
  // Only the stylesheet makes this text too faint to read: a copy without it would pass.
  "/faint": document('<p class="faint">Hard to read</p>'),
  "/framed": document('<iframe title="Inner" src="/no-alt"></iframe>'),
};

let site = "";
let server: http.Server;
let sent = 0;

test.beforeAll(async () => {
  server = http.createServer((req, res) => {
    const { pathname } = new URL(req.url ?? "/", "http://localhost");
    if (pathname === "/faint.css") {
      res.writeHead(200, { "content-type": "text/css" }).end(".faint { color: #bbb; background: #fff; }");
      return;
    }
    // What the person saw is what is checked: this page is clean only the first time it is sent.
    if (pathname === "/changes") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(PAGES[sent++ ? "/no-alt" : "/clean"]);
      return;
    }
    const html = PAGES[pathname];
    if (html) res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(html);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  site = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

async function violationsOn(page: Page, path: string) {
  await page.goto(`${site}${path}`);
  const message = await expectAccessible(page).then(
    () => "",
    (error: Error) => error.message,
  );
  markChecked(page, page.url());
  return message;
}

for (const javaScriptEnabled of [true, false]) {
  test(`the check refuses a page with a violation and passes a clean one, ${javaScriptEnabled ? "with" : "without"} JavaScript`, async ({
    newPage,
  }) => {
    const page = await newPage({ javaScriptEnabled });
    expect(await violationsOn(page, "/clean")).toBe("");
    expect(await violationsOn(page, "/no-alt")).toContain("image-alt");
    expect(await violationsOn(page, "/faint")).toContain("color-contrast");
  });
}

test("without JavaScript, the check reads the page the person has, even at an address with a fragment", async ({
  newPage,
}) => {
  const page = await newPage({ javaScriptEnabled: false });
  sent = 0;
  expect(await violationsOn(page, "/changes#part")).toBe("");
  expect(sent).toBe(1);
});

test("the check finds a violation inside a frame", async ({ page }) => {
  expect(await violationsOn(page, "/framed")).toContain("image-alt");
});
