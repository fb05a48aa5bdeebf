/**
 * Joining with full knowledge, and a choice: before joining, the invitation page names the cohort,
 * its training, dates and format, and each facilitator as they introduce themselves (name, pronouns,
 * the lived experience they chose to share); a learner may take a self-paced route instead of the
 * live sessions, never asked why. Each test makes its own cohort and people.
 */
import type { Page } from "@playwright/test";
import { checkPage } from "./support/accessibility";
import {
  addFacilitator,
  assignmentCard,
  assignTraining,
  courseCard,
  createCohort,
  createCohortLink,
  DEMO_COURSE,
  londonDay,
  longDate,
  newPerson,
  signUpThroughLink,
} from "./support/cohorts";
import { addMember } from "./support/database";
import { expect, test } from "./support/fixtures";
import { checkLearnerPage } from "./support/learning";
import { DEMO, uniqueName } from "./support/people";
import { signIn } from "./support/sessions";
import { sharedServer } from "./support/shared-server";

test.describe.configure({ timeout: 120_000 });

const STATEMENT = "I am a survivor of domestic abuse, and I have supported other women for six years.";

/** A new facilitator of the demo organisation, who writes how learners meet her on her account page. */
async function facilitatorWhoIntroducesHerself(page: Page) {
  const person = addMember({
    databasePath: sharedServer.databasePath,
    adminEmail: DEMO.admin,
    name: uniqueName("Noor"),
    roles: ["facilitator"],
  });
  await signIn(page, person.email);
  await page.goto("/account");
  await checkPage(page);
  const section = page.getByRole("region", { name: "How learners meet you" });
  await section.getByLabel("Pronouns").fill("she/her");
  await section.getByLabel("Your lived experience").fill(STATEMENT);
  await section.getByRole("button", { name: "Save how learners meet you" }).click();
  await expect(page.getByText("Saved. Learners of the cohorts you facilitate see it this way.")).toBeVisible();
  await expect(section.getByLabel("Pronouns")).toHaveValue("she/her");
  await expect(section.getByLabel("Your lived experience")).toHaveValue(STATEMENT);
  await checkPage(page);
  return person;
}

/** As the demo trainer: a cohort facilitated by `facilitator`, given the demo course; returns its link. */
async function cohortFacilitatedBy(page: Page, facilitator: string) {
  const cohort = { name: uniqueName("Women's group"), startsOn: londonDay(7), endsOn: londonDay(70) };
  await signIn(page, DEMO.trainer);
  const cohortId = await createCohort(page, cohort);
  await addFacilitator(page, facilitator, "Facilitates the Thursday sessions.");
  await assignTraining(page, { label: `${DEMO_COURSE} (version 1)`, title: DEMO_COURSE });
  await assignmentCard(page, DEMO_COURSE)
    .getByRole("button", { name: `Offer a self-paced route for ${DEMO_COURSE}` })
    .click();
  await expect(assignmentCard(page, DEMO_COURSE)).toContainText(
    "Learners may take a self-paced route instead of the live sessions.",
  );
  await checkPage(page);
  await page.getByRole("navigation", { name: "Cohort" }).getByRole("link", { name: "Learners" }).click();
  await checkPage(page);
  return { ...cohort, id: cohortId, link: await createCohortLink(page) };
}

test("the join page shows the cohort and each facilitator in their own words before anyone joins, and a learner takes the self-paced route instead", async ({
  page,
  newPage,
}) => {
  const noor = await facilitatorWhoIntroducesHerself(page);
  const trainer = await newPage();
  const cohort = await cohortFacilitatedBy(trainer, noor.name);

  const visitor = await newPage();
  await visitor.goto(cohort.link);
  await checkPage(visitor);
  const about = visitor.getByRole("region", { name: `The cohort: ${cohort.name}` });
  await expect(about).toContainText(`${longDate(cohort.startsOn)} to ${longDate(cohort.endsOn)}`);
  await expect(about).toContainText(
    `${DEMO_COURSE}. Format: live sessions with the facilitators, or self-paced on your own if you prefer`,
  );
  const facilitator = about.getByRole("listitem").filter({ hasText: noor.name });
  await expect(facilitator).toContainText(`${noor.name} (she/her): Facilitates the Thursday sessions.`);
  await expect(facilitator).toContainText(`In their own words:${STATEMENT}`);

  // Once joined, the learner's list tells the same.
  const learner = newPerson("Learner");
  await signUpThroughLink(visitor, cohort.link, learner, DEMO.organisation);
  const card = courseCard(visitor, DEMO_COURSE);
  await expect(card).toContainText(`With your group, ${cohort.name}, facilitated by:`);
  await expect(card).toContainText(`${noor.name} (she/her): Facilitates the Thursday sessions.`);
  await expect(card).toContainText(STATEMENT);
  await expect(card).toContainText(`${longDate(cohort.startsOn)} to ${longDate(cohort.endsOn)}`);
  await expect(card).toContainText("Format: live sessions with the facilitators.");

  // The learner takes the self-paced route: one button, and no question why.
  await card.getByRole("button", { name: `Take the self-paced route instead for ${DEMO_COURSE}` }).click();
  await expect(visitor).toHaveURL(/\/learn$/);
  await expect(card).toContainText("Format: you are taking the self-paced route, on your own and at your own pace.");
  await expect(card.getByRole("button", { name: `Go back to the live sessions for ${DEMO_COURSE}` })).toBeVisible();
  await checkLearnerPage(visitor);

  // The trainer sees how many take it self-paced, and nothing more.
  await trainer.goto(`/cohorts/${cohort.id}/assignments`);
  await checkPage(trainer);
  await expect(assignmentCard(trainer, DEMO_COURSE)).toContainText("1 learner takes it self-paced.");
});
