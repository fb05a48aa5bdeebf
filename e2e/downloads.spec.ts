/**
 * Downloads are routes without a page of their own (progress CSV, xAPI statements, the learner's
 * journal). When one cannot be given (a stale link, a role without it), a person opening it sees the
 * app's own page with the right status, and anything else gets a plain-text sentence: never JSON.
 */
import type { APIResponse, Page } from "@playwright/test";
import { checkPage } from "./support/accessibility";
import { expect, test } from "./support/fixtures";
import { DEMO } from "./support/people";
import { signIn } from "./support/sessions";

const NOT_FOUND = "We could not find that page";
const FORBIDDEN = "This page is not part of your role";
const STALE = "This download is out of date: that assignment is not part of the cohort any more.";
const MISSING_ID = "ZZZZZZZZZZZZZZZZZZZZZZ";

/** The demo cohort's Progress page, and the addresses of its two downloads. */
async function demoCohortDownloads(page: Page) {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Cohorts" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Cohorts" })).toBeVisible();
  await checkPage(page);
  await page.getByRole("link", { name: "Winter peer supporters" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Winter peer supporters" })).toBeVisible();
  await checkPage(page);
  const csv = (await page.getByRole("link", { name: "Download progress (CSV)" }).getAttribute("href")) ?? "";
  const xapi = (await page.getByRole("link", { name: "Download xAPI statements (JSON)" }).getAttribute("href")) ?? "";
  expect(csv).toMatch(/\/progress\.csv\?assignment=[A-Za-z0-9_-]{22}$/);
  expect(xapi).toMatch(/\/xapi\.json\?assignment=[A-Za-z0-9_-]{22}$/);
  return { csv, xapi };
}

/** Opens `path` as a person does, and expects the app's page for `status`, saying `message`. */
async function expectPage(page: Page, path: string, status: number, heading: string, message: string) {
  const response = await page.goto(path);
  expect(response?.status(), `status of ${path}`).toBe(status);
  expect(response?.headers()["content-type"]).toMatch(/^text\/html/);
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  await expect(page.getByRole("main")).toContainText(message);
  await expect(page.getByRole("main").getByRole("link", { name: "Go to your start page" })).toBeVisible();
  await checkPage(page);
}

/** The same address fetched by a program: a plain-text sentence with the same status. */
async function expectPlainText(response: APIResponse, status: number, message: string) {
  expect(response.status(), `status of ${response.url()}`).toBe(status);
  expect(response.headers()["content-type"]).toBe("text/plain; charset=utf-8");
  const text = await response.text();
  expect(text).toContain(message);
  expect(text).not.toMatch(/^\s*[{[]/);
  expect(text).not.toContain("Unexpected Server Error");
}

test("a stale export link shows a page saying so, with a 404, and a plain sentence to programs", async ({ page }) => {
  await signIn(page, DEMO.trainer);
  const { csv, xapi } = await demoCohortDownloads(page);

  for (const link of [csv, xapi]) {
    const stale = link.replace(/assignment=[A-Za-z0-9_-]{22}$/, `assignment=${MISSING_ID}`);
    await expectPage(page, stale, 404, NOT_FOUND, STALE);
    await expectPlainText(await page.request.get(stale, { maxRedirects: 0 }), 404, STALE);
    const without = link.replace(/\?.*$/, "");
    await expectPage(page, without, 404, NOT_FOUND, STALE);
  }

  // A cohort that does not exist is simply not found.
  const elsewhere = csv.replace(/\/cohorts\/[A-Za-z0-9_-]{22}\//, `/cohorts/${MISSING_ID}/`);
  await expectPage(page, elsewhere, 404, NOT_FOUND, "That cohort could not be found.");
  await expectPlainText(await page.request.get(elsewhere, { maxRedirects: 0 }), 404, "That cohort could not be found.");

  // The links themselves still download.
  const file = await page.request.get(csv);
  expect(file.status()).toBe(200);
  expect(file.headers()["content-type"]).toBe("text/csv; charset=utf-8");
});

test("a trainer opening the journal export, and a learner opening a cohort export, are refused with a 403 page", async ({
  page,
  newPage,
}) => {
  await signIn(page, DEMO.trainer);
  const { csv, xapi } = await demoCohortDownloads(page);
  await expectPage(page, "/learn/journal/export", 403, FORBIDDEN, "ask your organisation admin");
  await expectPlainText(
    await page.request.get("/learn/journal/export", { maxRedirects: 0 }),
    403,
    "Your role here does not include this page.",
  );

  const learner = await newPage();
  await signIn(learner, DEMO.learner);
  for (const link of [csv, xapi]) {
    await expectPage(learner, link, 403, FORBIDDEN, "ask your organisation admin");
    await expectPlainText(
      await learner.request.get(link, { maxRedirects: 0 }),
      403,
      "Your role here does not include this page.",
    );
  }

  // The learner's own journal still downloads.
  const journal = await learner.request.get("/learn/journal/export");
  expect(journal.status()).toBe(200);
  expect(journal.headers()["content-disposition"]).toBe('attachment; filename="my-reflection-journal.md"');
});

test("someone signed out who opens a download is asked to log in, and comes back to it", async ({ page }) => {
  for (const path of ["/learn/journal/export", `/cohorts/${MISSING_ID}/progress.csv?assignment=${MISSING_ID}`]) {
    const response = await page.request.get(path, { maxRedirects: 0 });
    expect(response.status(), `status of ${path}`).toBe(302);
    expect(response.headers().location).toBe(`/login?next=${encodeURIComponent(path)}`);
  }
  const logout = await page.request.get("/logout", { maxRedirects: 0 });
  expect(logout.status()).toBe(302);
  expect(logout.headers().location).toBe("/");
});
