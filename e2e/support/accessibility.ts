import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { QUICK_EXIT_URL } from "../../app/lib/quick-exit";
import { markChecked, scriptsEnabled } from "./tracking";

/** WCAG 2.0, 2.1 and 2.2, levels A and AA. */
export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

type AxeResults = Awaited<ReturnType<AxeBuilder["analyze"]>>;

/** One violation per paragraph: rule, impact, what to fix, and each element it was found on. */
export function describeViolations(url: string, violations: AxeResults["violations"]): string {
  const parts = violations.map((v, i) => {
    const nodes = v.nodes.map((node) => {
      const target = node.target.map(String).join(" ");
      const summary = (node.failureSummary ?? "").replace(/\s*\n\s*/g, " ").trim();
      return `     - ${target}\n       ${node.html.slice(0, 200)}\n       ${summary}`;
    });
    return `  ${i + 1}. ${v.id} (${v.impact ?? "unknown impact"}): ${v.help}\n     ${v.helpUrl}\n${nodes.join("\n")}`;
  });
  return `axe found ${violations.length} accessibility violation(s) on ${url}:\n${parts.join("\n")}`;
}

/**
 * axe runs inside the page, so it needs scripts. A page opened without JavaScript is checked as a copy:
 * the same HTML (its scripts left out) at the same address, with the same styles, in a page that has them.
 */
async function analyze(page: Page): Promise<AxeResults> {
  if (scriptsEnabled(page)) return new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const browser = page.context().browser();
  if (!browser) throw new Error("Cannot check a page without JavaScript outside a browser.");
  const url = page.url();
  const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, "");
  const context = await browser.newContext({ javaScriptEnabled: true, viewport: page.viewportSize() });
  try {
    const copy = await context.newPage();
    await copy.route("**/*", (route) => {
      const request = route.request();
      if (request.resourceType() === "document" && request.url() === url) {
        return route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html });
      }
      if (request.resourceType() === "script") return route.abort();
      return route.continue();
    });
    await copy.goto(url);
    return await new AxeBuilder({ page: copy }).withTags(WCAG_TAGS).analyze();
  } finally {
    await context.close();
  }
}

/**
 * Runs axe on the page as it is now and fails with a readable list when anything violates
 * WCAG 2.0/2.1/2.2 A or AA. Prefer `checkPage`, which also checks the header and records the visit.
 */
export async function expectAccessible(page: Page) {
  const results = await analyze(page);
  const ids = results.violations.map((v) => v.id);
  expect(ids, describeViolations(page.url(), results.violations)).toEqual([]);
}

/**
 * Call after every navigation (and after a form comes back with messages): checks that "Support now"
 * and "Quick exit" are in the page header, the quick exit in view, and that axe finds no violations.
 * The page fixtures fail a test that visited a page without checking it.
 */
export async function checkPage(page: Page) {
  const url = page.url();
  await test.step(
    `check ${new URL(url).pathname}: Support now and Quick exit in the header, and axe`,
    async () => {
      const support = page.getByRole("banner").getByRole("link", { name: "Support now" });
      await expect(support).toBeVisible();
      await expect(support).toHaveAttribute("href", "/support");
      const exit = page.getByRole("banner").getByRole("link", { name: "Quick exit" });
      await expect(exit).toBeInViewport();
      await expect(exit).toHaveAttribute("href", QUICK_EXIT_URL);
      await expectAccessible(page);
      markChecked(page, url);
    },
    { box: true },
  );
}
