import { checkPage } from "./support/accessibility";
import { exportModuleFile, publishStoryCourse } from "./support/database";
import { expect, test } from "./support/fixtures";
import { checkLearnerPage, joinAsLearner, startOpenCourse } from "./support/learning";
import { DEMO } from "./support/people";
import { signIn } from "./support/sessions";
import { sharedServer } from "./support/shared-server";

const WITHDRAWN = "This story was withdrawn by the person who shared it.";

test("a learner reads a story; once its storyteller withdraws it, nothing of it is left to read", async ({
  page,
  newPage,
}) => {
  test.slow();
  const words = `The ferry nights I rang the helpline from the quay ${Date.now()}`;
  const title = `A story to tell ${Date.now()}`;

  // The storyteller and a learner join the demo organisation; the story is published in an open course.
  await signIn(page, DEMO.admin);
  const tellerPage = await newPage();
  const teller = await joinAsLearner(page, tellerPage, "Storyteller");
  const learner = await newPage();
  await learner.setViewportSize({ width: 390, height: 844 });
  await joinAsLearner(page, learner, "Reader");
  const { moduleId } = publishStoryCourse({
    databasePath: sharedServer.databasePath,
    facilitatorEmail: DEMO.facilitator,
    trainerEmail: DEMO.trainer,
    storytellerEmail: teller.email,
    title,
    words,
  });

  // The learner reads it, credited by name, at 390 px.
  await learner.goto("/learn");
  await checkLearnerPage(learner);
  await startOpenCourse(learner, title);
  await learner.getByRole("link", { name: "Continue where you left off" }).click();
  await expect(learner.getByRole("heading", { level: 1, name: "Someone who has been there" })).toBeVisible();
  await checkLearnerPage(learner);
  const story = learner.getByRole("figure", { name: "A lived-experience story" });
  await expect(story).toContainText(words);
  await expect(story).toContainText(`Shared by ${teller.name}`);
  const sectionUrl = learner.url();

  // The storyteller finds it from their account and withdraws it, by keyboard.
  await tellerPage.goto("/account");
  await checkPage(tellerPage);
  await tellerPage.getByRole("link", { name: "Your stories" }).click();
  await expect(tellerPage.getByRole("heading", { level: 1, name: "Your stories" })).toBeVisible();
  await checkPage(tellerPage);
  const mine = tellerPage.getByRole("listitem").filter({ hasText: title });
  await expect(mine).toContainText("published as version 1");
  await expect(mine).toContainText("This organisation's courses");
  const withdraw = mine.getByRole("button", { name: `Withdraw this story from “${title}”` });
  await withdraw.focus();
  await tellerPage.keyboard.press("Enter");
  await expect(tellerPage.getByRole("status")).toContainText(`Your story in “${title}” is withdrawn.`);
  await checkPage(tellerPage);
  await expect(tellerPage.getByRole("listitem").filter({ hasText: title })).toHaveCount(0);

  // The learner's page now says it was withdrawn, and holds none of its words.
  await learner.goto(sectionUrl);
  await checkLearnerPage(learner);
  await expect(learner.getByRole("complementary", { name: "Story" })).toHaveText(WITHDRAWN);
  const page390 = await learner.content();
  for (const word of ["ferry", "helpline", "quay"]) expect(page390).not.toContain(word);

  // Nor does the module's content file.
  const file = exportModuleFile({ databasePath: sharedServer.databasePath, moduleId });
  expect(file).toContain(":::story{");
  for (const word of ["ferry", "helpline", "quay"]) expect(file).not.toContain(word);
});
