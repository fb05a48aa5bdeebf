import type { Locator, Page } from "@playwright/test";
import { checkPage } from "./support/accessibility";
import { expect, test } from "./support/fixtures";
import { signIn } from "./support/sessions";
import { createModule, editorOf, PEOPLE, saveStatus } from "./support/workshop";

async function insertBlock(page: Page, label: string): Promise<Locator> {
  await page.getByRole("toolbar", { name: "Formatting" }).getByRole("button", { name: "Insert block" }).click();
  await page.getByRole("menu", { name: "Training blocks" }).getByRole("menuitem", { name: label }).click();
  await expect(editorOf(page)).toBeFocused();
  return editorOf(page).getByRole("region", { name: label }).last();
}

test("Enter in a knowledge-check answer adds an answer, on an empty last answer leaves the check, and in a takeaway starts a paragraph", async ({
  page,
}) => {
  await signIn(page, PEOPLE.facilitator.email);
  await createModule(page);
  const check = await insertBlock(page, "Knowledge check");
  await page.keyboard.type("What keeps both people safe?");
  const parts = check.getByRole("paragraph");
  await expect(parts).toHaveCount(5);

  await parts.nth(1).click();
  await page.keyboard.type("Agreeing your hours");
  await page.keyboard.press("Enter");
  await expect(check.getByRole("checkbox", { name: "Correct answer" })).toHaveCount(3);
  await page.keyboard.type("Answering at once");
  await expect(parts.nth(3)).toHaveText("Answering at once");

  // The empty last answer: Enter takes it away and leaves the check for a new paragraph.
  await parts.nth(5).click();
  // A letter typed and taken back: the editor's own selection is then in this answer for Enter.
  await page.keyboard.type("x");
  await expect(parts.nth(5)).toHaveText("x");
  await page.keyboard.press("Backspace");
  await expect(parts.nth(5)).toHaveText("");
  await page.keyboard.press("Enter");
  await expect(check.getByRole("checkbox", { name: "Correct answer" })).toHaveCount(2);
  await page.keyboard.type("After the check.");
  await expect(editorOf(page).getByRole("paragraph").filter({ hasText: "After the check." })).toHaveCount(1);
  await expect(check).not.toContainText("After the check.");

  const takeaway = await insertBlock(page, "Key takeaway");
  await page.keyboard.type("Clear edges keep you well.");
  await page.keyboard.press("Enter");
  await page.keyboard.type("Rest is part of the work.");
  await expect(takeaway.getByRole("paragraph")).toHaveText(["Clear edges keep you well.", "Rest is part of the work."]);
  await expect(saveStatus(page)).toHaveText("Saved");
  await checkPage(page);
});
