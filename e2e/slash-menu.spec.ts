import type { Locator, Page } from "@playwright/test";
import type * as Y from "yjs";
import { connectCollabClient, logInForCookie } from "../modules/testing/collab-client";
import { checkPage } from "./support/accessibility";
import { expect, test } from "./support/fixtures";
import { DEMO_PASSWORD, logIn } from "./support/people";
import { createModule, documentText, editorOf, type ModuleRef, PEOPLE, saveStatus } from "./support/workshop";

function slashList(page: Page) {
  return page.getByRole("listbox", { name: "Insert" });
}

/** A facilitator's new module, its editor focused. */
async function newModuleEditor(page: Page): Promise<{ module: ModuleRef; editor: Locator }> {
  await logIn(page, PEOPLE.facilitator.email);
  const created = await createModule(page);
  const editor = editorOf(page);
  await editor.focus();
  return { module: created, editor };
}

test("the slash menu, by keyboard only: filter, choose with arrows, insert with Enter, close with Escape", async ({
  page,
}) => {
  const { editor } = await newModuleEditor(page);

  // A slash at the start of an empty paragraph opens the list; the editor points at the chosen option.
  await page.keyboard.type("/");
  await expect(slashList(page)).toBeVisible();
  await expect(slashList(page).getByRole("option")).toHaveText([
    "Section heading",
    "Subheading",
    "Bulleted list",
    "Numbered list",
    "Quote",
    "Content note",
    "Reflection prompt",
    "Knowledge check",
    "Scenario",
    "Key takeaway",
    "Support signpost",
    "Self-care plan",
    "Story",
  ]);
  await expect(slashList(page).getByRole("option", { name: "Section heading" })).toHaveAttribute(
    "aria-selected",
    "true",
  );
  await expect(editor).toHaveAttribute("aria-activedescendant", "slash-option-heading");
  await expect(editor).toHaveAttribute("aria-controls", "slash-menu-list");
  await checkPage(page);

  // Typing filters; arrows move the choice (and wrap); Enter inserts it in place of what was typed.
  await page.keyboard.type("list");
  await expect(slashList(page).getByRole("option")).toHaveText(["Bulleted list", "Numbered list"]);
  await page.keyboard.press("ArrowDown");
  await expect(slashList(page).getByRole("option", { name: "Numbered list" })).toHaveAttribute("aria-selected", "true");
  await expect(editor).toHaveAttribute("aria-activedescendant", "slash-option-numbers");
  await page.keyboard.press("Enter");
  await expect(slashList(page)).toHaveCount(0);
  await expect(editor).not.toHaveAttribute("aria-activedescendant");
  await expect(editor.locator("ol")).toHaveCount(1);
  await page.keyboard.type("Listen first");
  await expect(editor.locator("ol li")).toHaveText(["Listen first"]);
  expect(await documentText(page)).not.toContain("/");

  // Out of the list (Enter on an empty item), then Escape closes the menu and keeps the slash.
  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter");
  await page.keyboard.type("/");
  await expect(slashList(page)).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(slashList(page)).toHaveCount(0);
  await page.keyboard.type("or not");
  await expect(slashList(page)).toHaveCount(0);
  await expect(editor.getByRole("paragraph").filter({ hasText: "/or not" })).toHaveCount(1);
  // Escape in the menu did not leave the site: the quick exit waits for Escape twice outside it.
  await expect(page).toHaveURL(/\/workshop\//);

  // A slash inside a line that has words is just a slash.
  await page.keyboard.press("Enter");
  await page.keyboard.type("Either / or");
  await expect(slashList(page)).toHaveCount(0);

  // Training blocks are there too: the empty paragraph becomes the block.
  await page.keyboard.press("Enter");
  await page.keyboard.type("/quiz");
  await expect(slashList(page).getByRole("option")).toHaveText(["Knowledge check"]);
  await page.keyboard.press("Enter");
  await expect(editor.getByRole("region", { name: "Knowledge check" })).toHaveCount(1);
  await page.keyboard.type("What keeps both people safe?");
  await expect(editor.getByRole("region", { name: "Knowledge check" })).toContainText("What keeps both people safe?");
  expect(await documentText(page)).not.toContain("/quiz");

  // Nothing that matches: the menu says so, and Enter just starts a new line.
  await page.keyboard.press("Control+End");
  await page.keyboard.press("Enter");
  await page.keyboard.type("/zzz");
  await expect(page.getByText("Nothing matches “zzz”")).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.getByText("Nothing matches")).toHaveCount(0);
  await expect(saveStatus(page)).toHaveText("Saved");
  await checkPage(page);
});

test("the slash menu fits a 390 px screen", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await newModuleEditor(page);
  await page.keyboard.type("/");
  const box = await slashList(page).boundingBox();
  expect(box).not.toBeNull();
  expect((box?.x ?? -1) >= 0 && (box?.x ?? 0) + (box?.width ?? 0) <= 390).toBe(true);
  await checkPage(page);
});

/**
 * A change from another editor rebuilds the whole document in this one, which used to lose the place
 * of the slash and close the menu: anyone typing anywhere in the module closed a co-author's menu.
 */
test("a co-author's typing elsewhere leaves an open slash menu open, and its choice still goes in", async ({
  page,
  baseURL,
}) => {
  const { module, editor } = await newModuleEditor(page);
  await page.keyboard.type("Opening words");
  await page.keyboard.press("Enter");
  await page.keyboard.type("/quiz");
  await expect(slashList(page).getByRole("option")).toHaveText(["Knowledge check"]);

  const cookie = await logInForCookie(baseURL ?? "", PEOPLE.facilitator.email, DEMO_PASSWORD);
  const coAuthor = connectCollabClient({ baseURL: baseURL ?? "", cookie, moduleId: module.id });
  try {
    await coAuthor.synced;
    await expect.poll(() => coAuthor.document.getXmlFragment("default").toString()).toContain("Opening words");
    const first = coAuthor.document.getXmlFragment("default").get(0) as Y.XmlElement;
    (first.get(0) as Y.XmlText).insert(0, "Shared ");
    await expect(editor.getByRole("paragraph").first()).toHaveText("Shared Opening words");
    await expect(slashList(page).getByRole("option")).toHaveText(["Knowledge check"]);
    await page.keyboard.press("Enter");
    await expect(editor.getByRole("region", { name: "Knowledge check" })).toHaveCount(1);
    expect(await documentText(page)).not.toContain("/quiz");
  } finally {
    coAuthor.destroy();
  }
});

/**
 * The browser puts a typed character where its own caret is, and tells the editor that the caret
 * moved only a moment later. A slash typed in that moment, straight after the caret was moved to an
 * empty line (as Control+End and then "/" can be, on a busy machine), used to be read as typed in the
 * line the editor still thought the caret was in, and the menu stayed shut.
 */
test("a slash typed before the editor has caught up with a moved caret still opens the menu there", async ({
  page,
}) => {
  const { editor } = await newModuleEditor(page);
  await page.keyboard.type("One");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter");
  await page.keyboard.type("Two");
  await expect(editor.getByRole("paragraph")).toHaveText(["One", "", "Two"]);

  // Moves the browser's caret into the empty line and types there in the same moment, before the
  // browser's selectionchange reaches the editor.
  await editor.evaluate((root) => {
    const empty = root.querySelectorAll("p")[1];
    if (!empty) throw new Error("no empty line");
    document.getSelection()?.collapse(empty, 0);
    document.execCommand("insertText", false, "/");
  });
  await expect(slashList(page)).toBeVisible();
  await page.keyboard.type("quiz");
  await expect(slashList(page).getByRole("option")).toHaveText(["Knowledge check"]);
  await page.keyboard.press("Enter");
  await expect(editor.getByRole("region", { name: "Knowledge check" })).toHaveCount(1);
  await expect(editor.getByRole("paragraph").filter({ hasText: /^(One|Two)$/ })).toHaveText(["One", "Two"]);
  expect(await documentText(page)).not.toContain("/quiz");
  await checkPage(page);
});
