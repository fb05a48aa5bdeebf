import type { Page } from "@playwright/test";
import { checkPage } from "./support/accessibility";
import { expect, test } from "./support/fixtures";
import { checkLearnerPage, joinAsLearner } from "./support/learning";
import { DEMO } from "./support/people";
import { signIn } from "./support/sessions";
import { addCollaborator, createModule, PEOPLE, removeCollaborator, waitForEditor } from "./support/workshop";

test.describe.configure({ timeout: 120_000 });

function mainNavigation(page: Page) {
  return page.getByRole("banner").getByRole("navigation", { name: "Main" }).getByRole("link");
}

test("a learner made co-designer finds the Workshop in the header, listing their module, and Back to the Workshop works", async ({
  page,
  newPage,
}) => {
  // A new learner joins the demo organisation.
  await signIn(page, DEMO.admin);
  const learner = await newPage();
  const casey = await joinAsLearner(page, learner, "Casey");
  await expect(mainNavigation(learner)).toHaveText(["My learning"]);

  // Fran makes a module and asks Casey to co-design it.
  const fran = await newPage();
  await signIn(fran, PEOPLE.facilitator.email);
  const module = await createModule(fran);
  await addCollaborator(fran, casey.name, "Co-designer");

  // Casey now has the Workshop, and it lists only the module they work on.
  await learner.goto("/learn");
  await checkLearnerPage(learner);
  await expect(mainNavigation(learner)).toHaveText(["My learning", "Workshop"]);
  await mainNavigation(learner).getByText("Workshop", { exact: true }).click();
  await expect(learner).toHaveURL(/\/workshop$/);
  await expect(learner.getByRole("heading", { level: 1, name: "Workshop" })).toBeVisible();
  await checkPage(learner);
  const listed = learner.getByRole("main").getByRole("heading", { level: 2 });
  await expect(listed).toHaveText([module.title]);
  await expect(learner.getByRole("link", { name: "New module" })).toHaveCount(0);

  await learner.getByRole("link", { name: module.title }).click();
  await expect(learner.getByRole("heading", { level: 1, name: module.title })).toBeVisible();
  await waitForEditor(learner);
  await checkPage(learner);
  await learner.getByRole("link", { name: "Back to the Workshop" }).click();
  await expect(learner).toHaveURL(/\/workshop$/);
  await expect(learner.getByRole("heading", { level: 1, name: "Workshop" })).toBeVisible();
  await checkPage(learner);

  // Taken off the module, Casey no longer has the Workshop, in the header or by its address.
  await removeCollaborator(fran, casey.name);
  await learner.goto("/learn");
  await checkLearnerPage(learner);
  await expect(mainNavigation(learner)).toHaveText(["My learning"]);
  const refused = await learner.goto("/workshop");
  expect(refused?.status()).toBe(403);
  await expect(learner.getByRole("heading", { level: 1, name: "This page is not part of your role" })).toBeVisible();
  await checkPage(learner);
});
