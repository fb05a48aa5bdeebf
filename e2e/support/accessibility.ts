import AxeBuilder from "@axe-core/playwright";
import { type Browser, expect, type Page, test } from "@playwright/test";
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
 * axe in the page itself. By default the library runs axe in each frame and then combines the results
 * in a new blank page, which made a check take about three times as long; that guards against frames
 * from other sites, which a page without frames does not have. A page with frames is checked the
 * library's default way.
 */
function axeOn(page: Page) {
  const builder = new AxeBuilder({ page }).withTags(WCAG_TAGS);
  return page.frames().length === 1 ? builder.setLegacyMode() : builder;
}

/**
 * Where a page opened without JavaScript is copied to be checked: one page for each browser, in a
 * context without cookies, reused copy after copy (a new page for each made the check slower by a
 * third), and checking one copy at a time.
 */
type CopyPage = { page: Promise<Page>; serving: { url: string; html: string }; queue: Promise<unknown> };
const copyPages = new WeakMap<Browser, CopyPage>();

function withoutFragment(url: string) {
  const u = new URL(url);
  u.hash = "";
  return u.href;
}

async function openCopyPage(browser: Browser, copy: Pick<CopyPage, "serving">) {
  const page = await (await browser.newContext({ javaScriptEnabled: true })).newPage();
  await page.route("**/*", (route) => {
    const request = route.request();
    if (request.resourceType() === "document" && request.url() === copy.serving.url) {
      return route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: copy.serving.html });
    }
    if (request.resourceType() === "script") return route.abort();
    return route.continue();
  });
  return page;
}

function copyPageFor(browser: Browser): CopyPage {
  let copy = copyPages.get(browser);
  if (!copy) {
    const serving = { url: "", html: "" };
    copy = { page: openCopyPage(browser, { serving }), serving, queue: Promise.resolve() };
    copyPages.set(browser, copy);
  }
  return copy;
}

/** Checks the HTML as the page at that address, in the browser's copy page. */
function analyzeCopy(browser: Browser, url: string, html: string, viewport: ReturnType<Page["viewportSize"]>) {
  const copy = copyPageFor(browser);
  const run = copy.queue.then(async () => {
    const page = await copy.page;
    // The browser asks for the address without its fragment, so that is the one to answer.
    const address = withoutFragment(url);
    copy.serving.url = address;
    copy.serving.html = html;
    if (viewport) await page.setViewportSize(viewport);
    await page.goto(address);
    return axeOn(page).analyze();
  });
  copy.queue = run.catch(() => undefined);
  return run;
}

/**
 * axe runs inside the page, so it needs scripts. A page opened without JavaScript is checked as a copy:
 * the same HTML (its scripts left out) at the same address, with the same styles and the same viewport,
 * in a page that has them.
 */
async function analyze(page: Page): Promise<AxeResults> {
  if (scriptsEnabled(page)) return axeOn(page).analyze();
  const browser = page.context().browser();
  if (!browser) throw new Error("Cannot check a page without JavaScript outside a browser.");
  const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, "");
  return analyzeCopy(browser, page.url(), html, page.viewportSize());
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
