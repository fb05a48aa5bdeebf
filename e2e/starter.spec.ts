import { checkPage } from "./support/accessibility";
import { expect, test } from "./support/fixtures";
import { signIn } from "./support/sessions";
import {
  addCollaborator,
  cursorToEndOf,
  editorOf,
  goToTab,
  PEOPLE,
  saveStatus,
  startFromStarter,
  waitForEditor,
} from "./support/workshop";

// Two or three people, each logging in (password hashing is deliberately slow) on a machine that runs
// two tests at once: give each test room.
test.describe.configure({ timeout: 120_000 });

const STARTER = "Boundaries and role clarity";
const FIRST_SECTION = "What peer support is, and what it is not";
const FIRST_CHECK = "Which of these are part of your role as a peer supporter? Pick all that apply.";

test("a facilitator starts from the Boundaries starter module, invites a co-designer, and the two rework it together", async ({
  page,
  newPage,
}) => {
  await signIn(page, PEOPLE.facilitator.email);
  const module = await startFromStarter(page, STARTER);
  await expect(page.getByText("from Alongside starter content")).toBeVisible();

  // The starter's content is there: its first section and a knowledge check with feedback on each answer.
  const editor = editorOf(page);
  await expect(editor.getByRole("heading", { level: 2 }).first()).toHaveText(FIRST_SECTION);
  const check = editor.getByRole("region", { name: "Knowledge check" }).first();
  await expect(check.getByRole("paragraph").first()).toHaveText(FIRST_CHECK);
  await expect(check.getByRole("combobox", { name: "Answers" })).toHaveValue("multiple");
  await expect(check.getByRole("checkbox", { name: "Correct answer" })).toHaveCount(5);
  await expect(check.getByRole("checkbox", { name: "Correct answer" }).first()).toBeChecked();
  await expect(check).toContainText("Listening without judging");
  await expect(check).toContainText("Being heard by someone who has been there is at the heart of peer support.");
  await expect(editor.getByRole("region", { name: "Support signpost" })).toHaveCount(1);

  await addCollaborator(page, PEOPLE.coDesigner.name, "Co-designer");
  await goToTab(page, "Write");

  // Jordan finds it among his modules in the Workshop.
  const jordan = await newPage();
  await signIn(jordan, PEOPLE.coDesigner.email);
  await expect(jordan).toHaveURL(/\/workshop$/);
  await jordan.getByRole("checkbox", { name: "Only modules I work on" }).check();
  await jordan.getByRole("button", { name: "Show modules" }).click();
  await expect(jordan).toHaveURL(/\/workshop\?.*mine=1/);
  await checkPage(jordan);
  // Other tests may have put Jordan on a copy of the same starter: this module's own link.
  await jordan
    .getByRole("link", { name: STARTER, exact: true })
    .and(jordan.locator(`[href="${module.path}"]`))
    .click();
  await expect(jordan).toHaveURL(new RegExp(`${module.path}$`));
  await waitForEditor(jordan);
  await checkPage(jordan);
  await expect(editorOf(jordan).getByRole("heading", { level: 2 }).first()).toHaveText(FIRST_SECTION);
  await expect(editorOf(jordan).getByRole("region", { name: "Knowledge check" }).first()).toContainText(FIRST_CHECK);

  // Fran makes the first section heading their own; Jordan sees it.
  await cursorToEndOf(page, editor.getByRole("heading", { level: 2, name: FIRST_SECTION }));
  await page.keyboard.type(" in our network");
  await expect(saveStatus(page)).toHaveText("Saved");
  // (toContainText: Fran's caret, with her name, sits at the end of the heading on Jordan's screen.)
  await expect(editorOf(jordan).getByRole("heading", { level: 2 }).first()).toContainText(
    `${FIRST_SECTION} in our network`,
    { timeout: 1000 },
  );

  // Jordan sharpens an answer in the knowledge check; Fran sees it.
  await cursorToEndOf(
    jordan,
    editorOf(jordan)
      .getByRole("paragraph")
      .filter({ hasText: /^Listening without judging$/ }),
  );
  await jordan.keyboard.type(" or rushing them");
  await expect(saveStatus(jordan)).toHaveText("Saved");
  await expect(check.getByRole("paragraph").nth(1)).toContainText("Listening without judging or rushing them", {
    timeout: 1000,
  });

  await expect(page.getByRole("region", { name: "Here now" })).toContainText(PEOPLE.coDesigner.name);
  await expect(jordan.getByRole("region", { name: "Here now" })).toContainText(PEOPLE.facilitator.name);

  // The organisation's own starter draft is untouched: they reworked a copy. Other tests on the shared
  // server may have started from this starter too, so every other module of that name is looked at.
  await page.getByRole("link", { name: "Back to the Workshop" }).click();
  await expect(page).toHaveURL(/\/workshop$/);
  await checkPage(page);
  const copies = page.getByRole("link", { name: STARTER, exact: true });
  await expect(copies.nth(1)).toBeVisible();
  const hrefs = await copies.evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
  expect(hrefs).toContain(module.path);
  // Read as content files: opening each copy's editor grows with every test that starts from it.
  for (const other of hrefs.filter((href) => href !== module.path)) {
    const file = await page.request.get(`${other}/content.md`);
    expect(file.status(), other).toBe(200);
    const text = await file.text();
    expect(text.split("\n"), other).toContain(`## ${FIRST_SECTION}`);
    expect(text, other).toContain("Listening without judging");
    expect(text, other).not.toContain("or rushing them");
  }
});
