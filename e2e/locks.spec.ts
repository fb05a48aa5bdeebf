/**
 * A facilitator locks a section once it is agreed: a co-designer in another browser sees the lock at
 * once, with who locked it, when and why, and cannot type in it; unlocked, it can be changed again,
 * and History shows both. The facilitator works with the keyboard only.
 */
import { checkPage } from "./support/accessibility";
import { expect, test } from "./support/fixtures";
import { signIn } from "./support/sessions";
import {
  addCollaborator,
  createModule,
  editorOf,
  goToTab,
  openModule,
  PEOPLE,
  saveStatus,
  waitForEditor,
} from "./support/workshop";

test.describe.configure({ timeout: 120_000 });

test("a locked section is shown live to a co-designer, who cannot change it until it is unlocked", async ({
  page,
  newPage,
}) => {
  await signIn(page, PEOPLE.facilitator.email);
  const module = await createModule(page);
  await addCollaborator(page, PEOPLE.coDesigner.name, "Co-designer");
  await goToTab(page, "Write");
  await waitForEditor(page);

  // Two sections, written with the keyboard ("## " starts a section heading).
  await editorOf(page).focus();
  await page.keyboard.type("## Why no can be kind");
  await page.keyboard.press("Enter");
  await page.keyboard.type("We agreed this together.");
  await page.keyboard.press("Enter");
  await page.keyboard.type("## Still drafting");
  await page.keyboard.press("Enter");
  await page.keyboard.type("Anything can change here.");
  await expect(editorOf(page).getByRole("heading", { level: 2, name: "Still drafting" })).toBeVisible();
  await expect(saveStatus(page)).toHaveText("Saved");

  const jordan = await newPage();
  await signIn(jordan, PEOPLE.coDesigner.email);
  await openModule(jordan, module);
  await expect(editorOf(jordan)).toContainText("We agreed this together.");

  // The facilitator's page learns of the parts once it reloads its data: the lock form lists them.
  await page.reload();
  await waitForEditor(page);
  await checkPage(page);
  const panel = page.getByRole("region", { name: "Agreed parts" });
  const part = panel.getByLabel("Part");
  await expect(part.getByRole("option")).toHaveText(["Section: “Why no can be kind”", "Section: “Still drafting”"]);
  await part.focus();
  await page.keyboard.press("Tab");
  await expect(panel.getByLabel("Why (optional)")).toBeFocused();
  await page.keyboard.type("Agreed at the first workshop");
  await page.keyboard.press("Tab");
  await expect(panel.getByRole("button", { name: "Lock this part" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(panel.getByText(/^Locked by Fran Mills on .+\. Why: Agreed at the first workshop$/)).toBeVisible();
  await checkPage(page);

  // Jordan sees it in the editor without reloading, and typing at its start changes nothing.
  const badge = editorOf(jordan).getByText(/Locked by Fran Mills on .+\. Why: Agreed at the first workshop/);
  await expect(badge).toBeVisible({ timeout: 5_000 });
  await checkPage(jordan);
  await editorOf(jordan).focus();
  await jordan.keyboard.press("Control+Home");
  await jordan.keyboard.type("Not quite: ");
  await expect(editorOf(jordan).getByRole("heading", { level: 2, name: "Why no can be kind" })).toBeVisible();
  await expect(editorOf(jordan)).not.toContainText("Not quite");
  await expect(saveStatus(jordan)).toHaveText("Saved");

  // Unlocked with the keyboard, the part can be changed again.
  const unlock = panel.getByRole("button", { name: "Unlock Section: “Why no can be kind”" });
  await unlock.focus();
  await page.keyboard.press("Enter");
  await expect(panel.getByText("Nothing is locked yet.")).toBeVisible();
  await checkPage(page);
  await expect(badge).toBeHidden({ timeout: 5_000 });
  await editorOf(jordan).focus();
  await jordan.keyboard.press("Control+Home");
  await jordan.keyboard.type("Now: ");
  await expect(editorOf(jordan).getByRole("heading", { level: 2, name: "Now: Why no can be kind" })).toBeVisible();
  await expect(saveStatus(jordan)).toHaveText("Saved");

  // History names both.
  await goToTab(page, "History");
  const history = page.getByRole("region", { name: "Locked parts" });
  const row = history.getByRole("row", { name: /Section: “Why no can be kind”/ });
  await expect(row).toContainText("Why: Agreed at the first workshop");
  await expect(row.getByRole("cell").nth(1)).toContainText("by Fran Mills");
  await expect(row.getByRole("cell").nth(2)).toContainText("by Fran Mills");
  await checkPage(page);
});

test("a co-designer's forged lock or unlock is refused with a plain 403, and a facilitator's too-long reason is explained", async ({
  page,
  newPage,
}) => {
  await signIn(page, PEOPLE.facilitator.email);
  const module = await createModule(page);
  await addCollaborator(page, PEOPLE.coDesigner.name, "Co-designer");

  const jordan = await newPage();
  await signIn(jordan, PEOPLE.coDesigner.email);
  await openModule(jordan, module);
  await expect(jordan.getByRole("region", { name: "Agreed parts" })).toHaveCount(0);
  for (const intent of ["lock", "unlock"]) {
    const forged = await jordan.request.post(`${module.path}?index`, {
      form: { intent, nodeId: "any-part" },
      maxRedirects: 0,
    });
    expect(forged.status(), intent).toBe(403);
    expect(await forged.text(), intent).toContain("Only the module&#x27;s facilitators can do this.");
  }

  const tooLong = await page.request.post(`${module.path}?index`, {
    form: { intent: "lock", nodeId: "any-part", reason: "x".repeat(301) },
    maxRedirects: 0,
  });
  expect(tooLong.status()).toBe(400);
  expect(await tooLong.text()).toContain("Use at most 300 characters.");
});
