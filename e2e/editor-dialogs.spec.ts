import { checkPage } from "./support/accessibility";
import { expect, test } from "./support/fixtures";
import { signIn } from "./support/sessions";
import { createModule, editorOf, PEOPLE, saveStatus, selectWords, typeAndSave } from "./support/workshop";

test("Ctrl+K adds a link to the selected words in a small dialog, and refuses an unsafe address", async ({ page }) => {
  await signIn(page, PEOPLE.facilitator.email);
  await createModule(page);
  await typeAndSave(page, "Call Samaritans any time.");
  await selectWords(page, "Call Samaritans any time.", "Samaritans");

  await page.keyboard.press("Control+k");
  const dialog = page.getByRole("dialog", { name: "Link" });
  await expect(dialog).toBeVisible();
  const address = dialog.getByLabel("Link address");
  await expect(address).toBeFocused();
  await address.fill("javascript:alert(1)");
  await address.press("Enter");
  await expect(dialog.getByRole("alert")).toContainText("Use a full web address");
  await expect(address).toHaveValue("javascript:alert(1)");
  await expect(address).toHaveAttribute("aria-invalid", "true");
  await expect(editorOf(page).getByRole("link")).toHaveCount(0);
  await checkPage(page);

  await address.fill("https://www.samaritans.org");
  await address.press("Enter");
  await expect(dialog).toHaveCount(0);
  await expect(editorOf(page).getByRole("link", { name: "Samaritans" })).toHaveAttribute(
    "href",
    "https://www.samaritans.org",
  );
  await expect(editorOf(page)).toBeFocused();
  await expect(saveStatus(page)).toHaveText("Saved");

  // On the link again, Ctrl+K shows its address to change; Escape closes and stays on the page.
  await page.keyboard.press("Control+k");
  await expect(dialog.getByLabel("Link address")).toHaveValue("https://www.samaritans.org");
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(page).toHaveURL(/\/workshop\//);
  await expect(editorOf(page)).toBeFocused();
});

test("the Keyboard shortcuts dialog opens with Ctrl+/ or from the toolbar, and lists every shortcut", async ({
  page,
}) => {
  await signIn(page, PEOPLE.facilitator.email);
  await createModule(page);
  await editorOf(page).focus();
  await page.keyboard.press("Control+/");
  const dialog = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(dialog).toBeVisible();
  for (const keys of ["Ctrl+B", "Ctrl+I", "Ctrl+K", "Ctrl+Z", "Ctrl+Shift+Z", "Alt+Shift+Up arrow", "Ctrl+/"]) {
    await expect(dialog.getByRole("cell", { name: keys, exact: true })).toBeVisible();
  }
  await expect(dialog.getByRole("cell", { name: "/ at the start of an empty line" })).toBeVisible();
  await checkPage(page);
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(editorOf(page)).toBeFocused();

  await page.getByRole("toolbar", { name: "Formatting" }).getByRole("button", { name: "Keyboard shortcuts" }).click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(editorOf(page)).toBeFocused();
  await expect(page).toHaveURL(/\/workshop\//);
});
