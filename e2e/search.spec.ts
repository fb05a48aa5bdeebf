/**
 * Search in the Workshop and in the course list: one box, a GET form, so it works the same with and
 * without JavaScript; the words that matched are marked, and what a module says is shown, never run.
 */
import type { Page } from "@playwright/test";
import { checkPage } from "./support/accessibility";
import { expect, test } from "./support/fixtures";
import { DEMO, uniqueName } from "./support/people";
import { signIn } from "./support/sessions";
import { createModule, PEOPLE, typeAndSave } from "./support/workshop";

test.describe.configure({ timeout: 120_000 });

async function searchWorkshop(page: Page, words: string) {
  await page.getByRole("search", { name: "Find modules" }).getByLabel("Search modules").fill(words);
  await page.getByRole("button", { name: "Show modules" }).click();
  await expect(page.getByRole("heading", { name: /match(es)? “/ })).toBeVisible();
  await checkPage(page);
}

const results = (page: Page) => page.getByRole("region", { name: /match(es)? “/ }).getByRole("listitem");

test("a facilitator finds a module by a word typed in its editor, marked, and its <script> shown as text; a co-designer not on it does not", async ({
  page,
  newPage,
}) => {
  await signIn(page, PEOPLE.facilitator.email);
  const module = await createModule(page);
  const word = `quokka${Date.now().toString(36)}`;
  await typeAndSave(page, `Notes on ${word} <script>window.ran = 1</script> done`);

  // The index follows the document when the server stores it, which it does a moment after typing.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Workshop" }).click();
  await page.waitForURL(/\/workshop(\?.*)?$/);
  await checkPage(page);
  await expect(async () => {
    await searchWorkshop(page, word);
    await expect(results(page)).toHaveCount(1, { timeout: 500 });
  }).toPass({ timeout: 20_000 });
  const result = results(page).first();
  await expect(result.getByRole("link", { name: module.title })).toBeVisible();
  await expect(result.locator("mark")).toHaveText([word]);
  await expect(result).toContainText("<script>window.ran = 1</script>");
  expect(await page.evaluate(() => (window as { ran?: number }).ran)).toBeUndefined();
  await expect(page.getByLabel("Search modules")).toHaveValue(word);

  // Jordan co-designs other modules, not this one: the same search finds nothing for them.
  const jordan = await newPage();
  await signIn(jordan, PEOPLE.coDesigner.email);
  await jordan.goto("/workshop");
  await checkPage(jordan);
  await searchWorkshop(jordan, word);
  await expect(jordan.getByRole("heading", { name: `No modules match “${word}”` })).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the Workshop's search answers FTS5 syntax and a 10 KB query calmly, and finds the starter text", async ({
    page,
  }) => {
    await signIn(page, PEOPLE.facilitator.email);
    await page.goto("/workshop");
    await checkPage(page);
    await searchWorkshop(page, "supervision");
    await expect(results(page).first().locator("mark").first()).toHaveText(/supervis/i);

    for (const typed of ['"', "NEAR(", "title:", "-", "*", '") OR ("']) {
      await searchWorkshop(page, typed);
      await expect(page.getByLabel("Search modules")).toHaveValue(typed);
    }

    await page.goto(`/workshop?q=supervision%20${"x".repeat(10_000)}`);
    await checkPage(page);
    await expect(
      page.getByRole("status").filter({ hasText: "Only the first 200 characters were searched for." }),
    ).toBeVisible();
    await expect(page.getByRole("heading", { name: /No modules match “supervision x+”/ })).toBeVisible();
  });

  test("a trainer finds a course by the title of one of its modules, and a new course by its own title", async ({
    page,
  }) => {
    await signIn(page, DEMO.trainer);
    await page.goto("/courses");
    await checkPage(page);
    const search = page.getByRole("search", { name: "Find courses" });
    await search.getByLabel("Search courses").fill("boundaries");
    await search.getByRole("button", { name: "Search" }).click();
    await checkPage(page);
    const found = page.getByRole("region", { name: /match(es)? “boundaries”/ }).getByRole("listitem");
    await expect(found.getByRole("link", { name: "Peer support essentials" })).toBeVisible();
    await expect(found.first().locator("mark").first()).toHaveText(/boundar/i);

    const title = uniqueName("Wombat course");
    await page.getByRole("region", { name: "New course" }).getByLabel("Title").fill(title);
    await page.getByRole("button", { name: "Create course" }).click();
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await checkPage(page);
    await page.goto(`/courses?q=${encodeURIComponent(title.split(" ").at(-1) ?? "")}`);
    await checkPage(page);
    await expect(page.getByRole("heading", { name: /1 course matches/ })).toBeVisible();
    await expect(page.getByRole("link", { name: title })).toBeVisible();
  });
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the Workshop's search and results, the course search and the New module page fit 390 px without sideways scrolling", async ({
    page,
  }) => {
    await signIn(page, PEOPLE.facilitator.email);
    for (const path of ["/workshop?q=supervision%20support", "/courses?q=peer", "/workshop/new"]) {
      await page.goto(path);
      await checkPage(page);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, path).toBeLessThanOrEqual(390);
    }
    await page.goto("/workshop?q=supervision");
    await checkPage(page);
    await expect(page.getByLabel("Search modules")).toBeInViewport();
    await expect(results(page).first()).toBeVisible();
  });
});
