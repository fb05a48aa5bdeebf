/**
 * Live access follows the organisation: an admin removing a member closes that member's open editor
 * at once, with a kind message; saving a member's roles unchanged changes nothing for them.
 */
import type { Page } from "@playwright/test";
import { checkPage } from "./support/accessibility";
import { addMember } from "./support/database";
import { expect, test } from "./support/fixtures";
import { DEMO, uniqueName } from "./support/people";
import { signIn } from "./support/sessions";
import { sharedServer } from "./support/shared-server";
import {
  addCollaborator,
  createModule,
  editorOf,
  openModule,
  PEOPLE,
  saveStatus,
  typeAndSave,
} from "./support/workshop";

test.describe.configure({ timeout: 120_000 });

/** A new co-designer on a new module of Fran's, with the module open in their editor. */
async function coDesignerEditing(page: Page, newPage: () => Promise<Page>) {
  const person = addMember({
    databasePath: sharedServer.databasePath,
    adminEmail: DEMO.admin,
    name: uniqueName("Casey"),
    roles: ["co_designer"],
  });
  await signIn(page, PEOPLE.facilitator.email);
  const module = await createModule(page);
  await addCollaborator(page, person.name, "Co-designer");
  const editor = await newPage();
  await signIn(editor, person.email);
  await openModule(editor, module);
  await typeAndSave(editor, "Casey wrote this first.");
  const admin = await newPage();
  await signIn(admin, DEMO.admin);
  await admin.goto(`/organisation/members/${person.membershipId}`);
  await expect(admin.getByRole("heading", { level: 2, name: new RegExp(person.name) })).toBeVisible();
  await checkPage(admin);
  return { person, editor, admin };
}

test("an admin removing a member closes their open editor within a second, with a kind message", async ({
  page,
  newPage,
}) => {
  const { person, editor, admin } = await coDesignerEditing(page, newPage);
  await admin.getByRole("button", { name: `Remove ${person.name}` }).click();
  await expect(admin).toHaveURL(/\/organisation\?removed=1$/);
  await expect(saveStatus(editor)).toHaveText(
    "You no longer have access to edit this module. Your earlier changes are saved.",
    { timeout: 1_000 },
  );
  await expect(editorOf(editor)).toHaveAttribute("contenteditable", "false");
  await checkPage(admin);
  await checkPage(editor);
});

test("saving a member's roles unchanged leaves their open editor working", async ({ page, newPage }) => {
  const { editor, admin } = await coDesignerEditing(page, newPage);
  await expect(admin.getByRole("checkbox", { name: /^Co-designer/ })).toBeChecked();
  await admin.getByRole("button", { name: "Save roles" }).click();
  await expect(admin).toHaveURL(/\/organisation$/);
  await checkPage(admin);
  await typeAndSave(editor, " Still writing.");
  await expect(editorOf(editor)).toHaveAttribute("contenteditable", "true");
  await expect(saveStatus(editor)).toHaveText("Saved");
});
