/**
 * Joining with full knowledge, and a choice: before joining, the invitation page names the cohort,
 * its training, dates and format, and each facilitator as they introduce themselves (name, pronouns,
 * the lived experience they chose to share); a learner may take a self-paced route instead of the
 * live sessions, never asked why; and ask privately to move to another cohort, which a trainer does
 * keeping their progress. Each test makes its own cohort and people.
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
  escaped,
  goToCohortTab,
  londonDay,
  longDate,
  matrixRow,
  newPerson,
  openAssignedCourse,
  openCohort,
  signUpThroughLink,
  startBoundaries,
} from "./support/cohorts";
import { addMember, twoOrganisations } from "./support/database";
import { expect, test } from "./support/fixtures";
import { checkLearnerPage } from "./support/learning";
import { DEMO, DEMO_PASSWORD, uniqueName } from "./support/people";
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
  await page.waitForURL(/\/cohorts\/[^/?]+\/learners(\?.*)?$/);
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

test("a learner asks privately to move cohort, and the trainer moves them with their progress kept", async ({
  page,
  newPage,
}) => {
  const noor = await facilitatorWhoIntroducesHerself(page);
  const trainer = await newPage();
  const winter = await cohortFacilitatedBy(trainer, noor.name);
  const spring = { name: uniqueName("Spring group"), startsOn: londonDay(14) };
  const springId = await createCohort(trainer, spring);
  await assignTraining(trainer, { label: `${DEMO_COURSE} (version 1)`, title: DEMO_COURSE });

  // The learner joins the winter group and reads the first section.
  const learner = await newPage({ javaScriptEnabled: false });
  const person = newPerson("Sasha");
  await signUpThroughLink(learner, winter.link, person, DEMO.organisation);
  await openAssignedCourse(learner, DEMO_COURSE);
  await startBoundaries(learner);
  await learner.goto("/learn");
  await checkLearnerPage(learner);

  await courseCard(learner, DEMO_COURSE)
    .getByRole("link", { name: `Ask to move to another cohort from ${winter.name}` })
    .click();
  await expect(learner.getByRole("heading", { level: 1, name: "Ask to move to another cohort" })).toBeVisible();
  await checkLearnerPage(learner);
  const reason = `I would rather be in a group that meets in the morning, ${uniqueName("note")}.`;

  // Sent with no cohort chosen: a plain message, and what was written is still there.
  await learner.getByLabel("Anything you want the trainers to know (optional)").fill(reason);
  await learner.getByRole("button", { name: "Ask to move" }).click();
  await expect(learner.getByRole("alert")).toContainText("Choose a cohort to move to.");
  await expect(learner.getByLabel("Anything you want the trainers to know (optional)")).toHaveValue(reason);
  await checkLearnerPage(learner);

  await learner.getByRole("radio", { name: new RegExp(`^${escaped(spring.name)},`) }).check();
  await learner.getByRole("button", { name: "Ask to move" }).click();
  await expect(learner).toHaveURL(/\/learn\?asked=move$/);
  await expect(learner.getByText("Your request to move is with the trainers. Only they can see it.")).toBeVisible();
  await checkLearnerPage(learner);

  // The trainer sees the request and the reason on the winter group's learners, and moves them.
  await openCohort(trainer, winter.id, winter.name, "/learners");
  const requests = trainer.getByRole("region", { name: "Asked to move" });
  await expect(requests).toContainText(`${person.name} asked on`);
  await expect(requests).toContainText(`to move to ${spring.name}.`);
  await expect(requests).toContainText(reason);
  await requests.getByRole("button", { name: `Move ${person.name} to ${spring.name}` }).click();
  await expect(trainer.getByRole("region", { name: "Asked to move" })).toHaveCount(0);
  await checkPage(trainer);

  // The spring group's dashboard shows where they had got to.
  await openCohort(trainer, springId, spring.name);
  await expect(matrixRow(trainer, person.name).getByRole("cell").first()).toHaveText("In progress");
  await goToCohortTab(trainer, "Learners");
  await expect(trainer.getByRole("main")).not.toContainText(reason);

  await learner.goto("/learn");
  await checkLearnerPage(learner);
  await expect(courseCard(learner, DEMO_COURSE)).toContainText(`With your group, ${spring.name}.`);
  await expect(courseCard(learner, DEMO_COURSE)).toContainText("In progress");
});

test("a move request to another organisation's cohort or a finished one gets a clear message, and keeps the reason typed", async ({
  page,
  newPage,
}) => {
  const probe = twoOrganisations({
    databasePath: sharedServer.databasePath,
    adminEmail: DEMO.admin,
    password: DEMO_PASSWORD,
  });
  await signIn(page, DEMO.trainer);
  const finished = { name: uniqueName("Summer group"), startsOn: londonDay(-90), endsOn: londonDay(-1) };
  const finishedId = await createCohort(page, finished);
  const winter = { name: uniqueName("Winter group"), startsOn: londonDay(7) };
  const winterId = await createCohort(page, winter);
  await assignTraining(page, { label: `${DEMO_COURSE} (version 1)`, title: DEMO_COURSE });
  await goToCohortTab(page, "Learners");
  const link = await createCohortLink(page);

  const learner = await newPage();
  await signUpThroughLink(learner, link, newPerson("Robin"), DEMO.organisation);
  const reason = `My sister is in that group ${uniqueName("note")}`;
  const cases = [
    { cohortId: probe.other.cohortId, message: "Choose one of the cohorts listed here." },
    { cohortId: finishedId, message: "That cohort has already finished. Choose one that is still running." },
  ];
  for (const forged of cases) {
    await learner.goto(`/learn/move/${winterId}`);
    await checkLearnerPage(learner);
    // The finished cohort is not offered: the form is sent with a forged choice, as a crafted request would be.
    await expect(learner.getByRole("radio", { name: new RegExp(`^${escaped(finished.name)},`) })).toHaveCount(0);
    const radio = learner.getByRole("radio").first();
    await radio.evaluate((input, value) => input.setAttribute("value", value), forged.cohortId);
    await radio.check();
    await learner.getByLabel("Anything you want the trainers to know (optional)").fill(reason);
    await learner.getByRole("button", { name: "Ask to move" }).click();
    await expect(learner.getByRole("alert")).toContainText(forged.message);
    await expect(learner.getByLabel("Anything you want the trainers to know (optional)")).toHaveValue(reason);
    await checkLearnerPage(learner);
  }

  // Nothing was asked: the trainer has no request to see.
  await openCohort(page, winterId, winter.name, "/learners");
  await expect(page.getByRole("region", { name: "Asked to move" })).toHaveCount(0);
});
