import type { Page } from "@playwright/test";
import { checkPage } from "./support/accessibility";
import { expect, test } from "./support/fixtures";
import { DEMO } from "./support/people";
import { signIn } from "./support/sessions";
import { createModule, editorOf, goToTab, PEOPLE, saveStatus } from "./support/workshop";

function hintsPanel(page: Page) {
  return page.locator("details.writing-hints-panel");
}

/** A section heading and one paragraph, typed as a person does. */
async function writeSection(page: Page, title: string, body: string) {
  await editorOf(page).click();
  await page.keyboard.type(title);
  await page.getByRole("toolbar", { name: "Formatting" }).getByRole("button", { name: "Section heading" }).click();
  await expect(editorOf(page).getByRole("heading", { level: 2, name: title })).toBeVisible();
  await page.keyboard.press("End");
  await page.keyboard.press("Enter");
  await page.keyboard.type(body);
  await expect(saveStatus(page)).toHaveText("Saved");
}

test("a writing hint about a sensitive topic leads, in one click, to a content note naming it", async ({ page }) => {
  await signIn(page, PEOPLE.facilitator.email);
  await createModule(page);
  await writeSection(page, "Loss", "Grief can arrive with no warning, and there was blood on the floor.");

  // Folded away with a count; opened from the keyboard.
  const panel = hintsPanel(page);
  await expect(panel.locator("summary")).toContainText("Writing hints: 2 hints, reading age about");
  await panel.locator("summary").focus();
  await page.keyboard.press("Enter");
  await expect(panel).toContainText("This section mentions bereavement and has no content note for it.");
  await expect(panel).toContainText("“blood” can bring up graphic detail.");
  await checkPage(page);

  await panel.getByRole("button", { name: "Add a content note to “Loss”" }).click();
  const note = editorOf(page).getByRole("region", { name: "Content note" });
  await expect(note).toHaveCount(1);
  await expect(note.getByRole("checkbox", { name: "Bereavement" })).toBeChecked();
  await expect(saveStatus(page)).toHaveText("Saved");
  // The note sits at the start of the section, just after its heading.
  const top = async (locator: ReturnType<typeof editorOf>) => (await locator.boundingBox())?.y ?? Number.NaN;
  const heading = await top(editorOf(page).getByRole("heading", { level: 2, name: "Loss" }));
  const paragraph = await top(editorOf(page).getByText("Grief can arrive"));
  expect(heading).toBeLessThan(await top(note));
  expect(await top(note)).toBeLessThan(paragraph);

  // The topic hint is gone; a content note with no support signpost after it is pointed out instead.
  await expect(panel).not.toContainText("mentions bereavement");
  await expect(panel).toContainText("has a content note but no support signpost after it");

  // The Review page lists the same hints, and they block nothing.
  await goToTab(page, "Review");
  const card = page.getByRole("region", { name: "Writing hints" });
  await expect(card).toContainText("Loss");
  await expect(card).toContainText("has a content note but no support signpost after it");
  await expect(card).toContainText("“blood” can bring up graphic detail.");
  await expect(card.getByRole("button")).toHaveCount(0);
  await checkPage(page);
});

test("an admin changes the words the hints point out; a bad list is explained and kept as typed", async ({ page }) => {
  await signIn(page, DEMO.admin);
  await page.goto("/organisation/settings");
  const form = page.getByRole("region", { name: "Words the writing hints point out" });
  const words = form.getByLabel("Words and phrases");
  const original = await words.inputValue();
  expect(original.split("\n")).toContain("blood");

  const tooLong = `${original}\n${"a very long line ".repeat(5)}`;
  await words.fill(tooLong);
  await form.getByRole("button", { name: "Save the words" }).click();
  await expect(form.getByRole("alert").first()).toContainText("Each line can be at most 60 characters");
  await expect(form.getByLabel("Words and phrases")).toHaveValue(tooLong);
  await checkPage(page);

  try {
    await form.getByLabel("Words and phrases").fill(`${original}\nScalpel`);
    await form.getByRole("button", { name: "Save the words" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
    await expect(form.getByLabel("Words and phrases")).toHaveValue(`${original}\nscalpel`);
    await checkPage(page);
  } finally {
    // Other tests share the demo organisation: put its list back as it was.
    await form.getByLabel("Words and phrases").fill(original);
    await form.getByRole("button", { name: "Save the words" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  }
});
