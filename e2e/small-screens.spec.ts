import type { Locator, Page } from "@playwright/test";
import { checkPage } from "./support/accessibility";
import { expect, test } from "./support/fixtures";
import { signIn } from "./support/sessions";
import {
  commentOnSelection,
  commentsPanel,
  editorOf,
  type ModuleRef,
  PEOPLE,
  saveStatus,
  selectWords,
  startFromStarter,
  threadOf,
  waitForEditor,
} from "./support/workshop";

// Each test walks several pages at three screen sizes.
test.describe.configure({ timeout: 360_000 });

/** Small phones to common ones, each at a usual screen height. */
const PHONES = [
  { width: 320, height: 640 },
  { width: 360, height: 740 },
  { width: 390, height: 844 },
];

/** Lines of the boundaries starter short enough to be one line at the default width. */
const SHORT_LINE = "You are not there to fix someone's life for them.";
const OTHER_LINE = "You are not a counsellor, a nurse or a doctor.";
const LONG_PARAGRAPH = "This is not about caring less. Clear edges keep you well, so you can keep doing this work.";

/** Clicks into a paragraph of the editor and waits until the editor's own cursor is in it. */
async function clickInto(page: Page, text: string) {
  await editorOf(page).getByRole("paragraph").filter({ hasText: text }).click();
  await expect
    .poll(() =>
      editorOf(page).evaluate(
        (root: HTMLElement & { editor?: { state: { selection: { $from: { parent: { textContent: string } } } } } }) =>
          root.editor?.state.selection.$from.parent.textContent ?? "",
      ),
    )
    .toBe(text);
}

function toolbarOf(page: Page): Locator {
  return page.getByRole("toolbar", { name: "Formatting" });
}

async function expectNoSidewaysScroll(page: Page) {
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    inner: window.innerWidth,
  }));
  expect(widths.scroll, `${page.url()} scrolls sideways at ${widths.inner} px`).toBeLessThanOrEqual(widths.inner);
}

/** Every box `within` holds ends inside it, left and right. */
async function expectInside(items: Locator, within: Locator) {
  const outer = await within.boundingBox();
  if (!outer) throw new Error("The container is not on the screen");
  for (const item of await items.all()) {
    const box = await item.boundingBox();
    if (!box) continue;
    expect(box.x, `${await item.textContent()} starts inside its card`).toBeGreaterThanOrEqual(outer.x);
    expect(box.x + box.width, `${await item.textContent()} ends inside its card`).toBeLessThanOrEqual(
      outer.x + outer.width + 0.5,
    );
  }
}

/** The distinct tops of the visible controls of a toolbar, rounded to the pixel. */
async function rowsOf(toolbar: Locator): Promise<number[]> {
  const tops = new Set<number>();
  for (const button of await toolbar.getByRole("button").all()) {
    const box = await button.boundingBox();
    if (box) tops.add(Math.round(box.y));
  }
  return [...tops];
}

async function expectTouchTarget(target: Locator) {
  const box = await target.boundingBox();
  if (!box) throw new Error("The target is not on the screen");
  expect(box.width, "target width").toBeGreaterThanOrEqual(24);
  expect(box.height, "target height").toBeGreaterThanOrEqual(24);
}

/** A copy of the boundaries starter with Jordan as co-designer and Fran's sign-off. */
async function moduleWithSignoff(page: Page): Promise<ModuleRef> {
  await signIn(page, PEOPLE.facilitator.email);
  const module = await startFromStarter(page, "Boundaries and role clarity");
  await page.goto(`${module.path}/people`);
  await checkPage(page);
  const form = page.getByRole("form", { name: "Invite someone from your organisation" });
  await form.getByLabel("Person").selectOption({ label: PEOPLE.coDesigner.name });
  await form.getByRole("radio", { name: /^Co-designer:/ }).check();
  await form.getByRole("button", { name: "Add to this module" }).click();
  await expect(page.getByRole("region", { name: "Collaborators" })).toContainText(PEOPLE.coDesigner.name);
  await checkPage(page);
  await page.goto(`${module.path}/review`);
  await page.getByRole("button", { name: "Start the review" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "In review" })).toBeVisible();
  const signOff = page.getByRole("region", { name: "Your sign-off" });
  for (const box of await signOff.getByRole("group", { name: "Safety checklist" }).getByRole("checkbox").all())
    await box.check();
  await signOff.getByRole("button", { name: /^Sign off revision \d+$/ }).click();
  await expect(page.getByRole("table", { name: "Sign-off by each collaborator" })).toContainText(
    "Signed off the current revision",
  );
  await checkPage(page);
  return module;
}

test("no authoring page scrolls sideways from 320 to 390 px, and sign-off badges stay inside their cards", async ({
  page,
}) => {
  const module = await moduleWithSignoff(page);
  // Starting the review took a snapshot: its own page, and its comparison with the module now.
  await page.goto(`${module.path}/history`);
  await checkPage(page);
  const snapshots = page.getByRole("region", { name: "Snapshots" });
  const snapshot = await snapshots.getByRole("link").first().getAttribute("href");
  const pages = [
    `${snapshot}`,
    `${module.path}/history/compare?from=${snapshot?.split("/").pop()}&to=current`,
    "/workshop",
    "/workshop/new",
    module.path,
    `${module.path}/review`,
    `${module.path}/history`,
    `${module.path}/contributions`,
    `${module.path}/activity`,
    `${module.path}/people`,
    `${module.path}/preview/1`,
  ];
  for (const phone of PHONES) {
    await page.setViewportSize(phone);
    for (const path of pages) {
      await page.goto(path);
      if (path === module.path) await waitForEditor(page);
      await checkPage(page);
      await expectNoSidewaysScroll(page);
    }
    await page.goto(`${module.path}/review`);
    await checkPage(page);
    const signoffs = page.getByRole("region", { name: "Everyone's sign-off" });
    await expectInside(signoffs.locator(".badge"), signoffs);
  }
  // The History page's compare choices are targets of 24 by 24 px, like every other choice.
  await page.goto(`${module.path}/history`);
  const radios = page.getByRole("main").getByRole("radio");
  await expect(radios).not.toHaveCount(0);
  for (const radio of await radios.all()) await expectTouchTarget(radio);
});

test("on a phone the editor opens on the module's text, with one row of tools, the module's pages in one menu and comments behind a button", async ({
  page,
}) => {
  await signIn(page, PEOPLE.facilitator.email);
  const module = await startFromStarter(page, "Boundaries and role clarity");
  await selectWords(page, SHORT_LINE, "fix someone's life");
  await commentOnSelection(page, "Could we name some other support?");
  await expect(threadOf(page, "fix someone's life")).toBeVisible();

  for (const phone of PHONES) {
    await page.setViewportSize(phone);
    await page.goto(module.path);
    await waitForEditor(page);
    await checkPage(page);
    // At 320 px the header and the module's title take most of a 640 px screen; from 360 px the text is in it.
    if (phone.width >= 360)
      await expect(
        editorOf(page).getByRole("heading", { name: "What peer support is, and what it is not" }),
      ).toBeInViewport();
    expect(await rowsOf(toolbarOf(page)), `the toolbar at ${phone.width} px`).toHaveLength(1);
  }

  // More tools: a menu button, by keyboard; Escape closes it and gives focus back.
  const toolbar = toolbarOf(page);
  await toolbar.getByRole("button", { name: "Bold" }).focus();
  await page.keyboard.press("End");
  const more = toolbar.getByRole("button", { name: "More tools" });
  await expect(more).toBeFocused();
  await expect(more).toHaveAttribute("aria-expanded", "false");
  await page.keyboard.press("Enter");
  const menu = page.getByRole("menu", { name: "More tools" });
  await expect(menu).toBeVisible();
  await expect(more).toHaveAttribute("aria-expanded", "true");
  // Section heading is on the bar at this width; the menu starts with the tools that are not.
  await expect(menu.getByRole("menuitemcheckbox", { name: "Subheading" })).toBeFocused();
  await checkPage(page);
  await page.keyboard.press("Escape");
  await expect(menu).toHaveCount(0);
  await expect(more).toBeFocused();

  // A tool from the menu works on the text like its button does.
  await clickInto(page, LONG_PARAGRAPH);
  await more.focus();
  await page.keyboard.press("ArrowDown");
  await expect(menu).toBeVisible();
  const bulleted = menu.getByRole("menuitemcheckbox", { name: "Bulleted list" });
  while (!(await bulleted.evaluate((el) => el === document.activeElement))) await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(menu).toHaveCount(0);
  await expect(editorOf(page).getByRole("listitem").filter({ hasText: LONG_PARAGRAPH })).toBeVisible();
  await expect(saveStatus(page)).toHaveText("Saved");

  // The module's pages: one disclosure naming the page you are on, by keyboard.
  const pagesButton = page.getByRole("navigation", { name: "Module" }).getByRole("button", { name: "Page: Write" });
  await expect(page.getByRole("navigation", { name: "Module" }).getByRole("link", { name: "Review" })).toBeHidden();
  await pagesButton.focus();
  await page.keyboard.press("Enter");
  await expect(pagesButton).toHaveAttribute("aria-expanded", "true");
  const history = page.getByRole("navigation", { name: "Module" }).getByRole("link", { name: "History" });
  await expect(history).toBeVisible();
  await checkPage(page);
  await page.keyboard.press("Tab");
  await expect(page.getByRole("navigation", { name: "Module" }).getByRole("link", { name: "Write" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(history).toBeHidden();
  await expect(pagesButton).toBeFocused();
  await page.keyboard.press("Enter");
  await history.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`${module.path}/history$`));
  await expect(
    page.getByRole("navigation", { name: "Module" }).getByRole("button", { name: "Page: History" }),
  ).toBeVisible();
  await checkPage(page);

  // Comments: a button with the count of open threads opens them as a dialog; Escape closes it.
  await page.goto(module.path);
  await waitForEditor(page);
  await checkPage(page);
  await expect(commentsPanel(page)).toBeHidden();
  const opener = page.getByRole("button", { name: "Comments, 1 open" });
  await opener.focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Comments" });
  await expect(dialog).toBeVisible();
  await expect(threadOf(page, "fix someone's life")).toBeVisible();
  await checkPage(page);
  await expectNoSidewaysScroll(page);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
  await opener.click();
  await dialog.getByRole("button", { name: "Close comments" }).click();
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
});

test("knowledge-check answers, for learners and in the editor, and the editor's tools are targets of at least 24 by 24 px", async ({
  page,
}) => {
  await signIn(page, PEOPLE.facilitator.email);
  const module = await startFromStarter(page, "Boundaries and role clarity");
  await page.setViewportSize({ width: 390, height: 844 });
  await waitForEditor(page);
  for (const button of await toolbarOf(page).getByRole("button").all()) await expectTouchTarget(button);
  const check = editorOf(page).getByRole("region", { name: "Knowledge check" }).first();
  for (const box of await check.getByRole("checkbox", { name: "Correct answer" }).all()) await expectTouchTarget(box);

  // The learner's player, as the preview shows it: checkboxes in section 1, radio buttons in section 3.
  await page.goto(`${module.path}/preview/1`);
  await checkPage(page);
  const boxes = page.getByRole("main").getByRole("checkbox");
  await expect(boxes).toHaveCount(5);
  for (const box of await boxes.all()) await expectTouchTarget(box);
  await page.goto(`${module.path}/preview/3`);
  await checkPage(page);
  const radios = page.getByRole("main").getByRole("radio");
  await expect(radios).not.toHaveCount(0);
  for (const radio of await radios.all()) await expectTouchTarget(radio);
});

test("resolved comments are not highlighted unless asked for, open ones are underlined without a fill, and the editor's focus frame is quiet", async ({
  page,
}) => {
  await signIn(page, PEOPLE.facilitator.email);
  await startFromStarter(page, "Boundaries and role clarity");
  await selectWords(page, SHORT_LINE, "fix someone's life");
  await commentOnSelection(page, "Still open.");
  await expect(threadOf(page, "fix someone's life")).toBeVisible();
  await selectWords(page, OTHER_LINE, "a nurse");
  await commentOnSelection(page, "Settled.");
  await threadOf(page, "a nurse")
    .getByRole("button", { name: /^Resolve/ })
    .click();
  await expect(threadOf(page, "a nurse")).toHaveCount(0);
  await checkPage(page);

  const open = editorOf(page).locator("[data-thread]", { hasText: "fix someone's life" });
  const resolved = editorOf(page).locator("[data-thread]", { hasText: "a nurse" });
  await expect(open).toHaveCSS("text-decoration-line", "underline");
  await expect(open).toHaveCSS("background-color", "rgba(0, 0, 0, 0)");
  await expect(resolved).toHaveCSS("text-decoration-line", "none");

  const toggle = page.getByRole("checkbox", { name: "Show resolved comments in the text" });
  await toggle.check();
  await expect(resolved).toHaveCSS("text-decoration-line", "underline");
  await toggle.uncheck();
  await expect(resolved).toHaveCSS("text-decoration-line", "none");
  await checkPage(page);

  // Focus on the text: a thin frame, still at least 3:1 against the page.
  await editorOf(page).focus();
  const frame = await editorOf(page).evaluate((el) => {
    const style = getComputedStyle(el);
    return { width: style.outlineWidth, style: style.outlineStyle, color: style.outlineColor };
  });
  expect(frame.style).toBe("solid");
  expect(frame.width).toBe("2px");
  const page_ = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(contrast(frame.color, page_)).toBeGreaterThanOrEqual(3);
});

test("at 1,366 px the text toolbar is one row and the Workshop list uses the page's width", async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await signIn(page, PEOPLE.facilitator.email);
  const module = await startFromStarter(page, "Boundaries and role clarity");
  expect(await rowsOf(toolbarOf(page))).toHaveLength(1);
  await page.goto(module.path);
  await waitForEditor(page);
  await checkPage(page);
  expect(await rowsOf(toolbarOf(page))).toHaveLength(1);

  await page.goto("/workshop");
  await checkPage(page);
  const list = page.getByRole("main").getByRole("list").first();
  const main = await page.getByRole("main").evaluate((el) => {
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    return { right: box.right - Number.parseFloat(style.paddingRight) };
  });
  const cards = await list.getByRole("listitem").all();
  const boxes = await Promise.all(cards.map((card) => card.boundingBox()));
  const rightmost = Math.max(...boxes.map((box) => (box ? box.x + box.width : 0)));
  expect(rightmost).toBeGreaterThan(main.right - 2);
  expect(new Set(boxes.map((box) => Math.round(box?.y ?? 0))).size).toBeLessThan(cards.length);
});

/** WCAG contrast ratio of two CSS rgb() colours. */
function contrast(a: string, b: string): number {
  const luminance = (color: string) => {
    const [r, g, bl] = (color.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((n) => {
      const c = Number(n) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (bl ?? 0);
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05);
}
