/**
 * Due-date reminders end to end: an admin's setting, then the job (run against the server's database,
 * as the server runs it every hour) queues the email, the server sends it through the real SMTP
 * server, and the learner follows its link to the course.
 */
import type { Page } from "@playwright/test";
import { checkPage } from "./support/accessibility";
import {
  assignmentIdOn,
  assignTraining,
  createCohort,
  createCohortLink,
  DEMO_COURSE,
  goToCohortTab,
  londonDay,
  longDate,
  newPerson,
  setAssignmentDueDate,
  signUpThroughLink,
} from "./support/cohorts";
import { runReminderPass } from "./support/database";
import { expect, test } from "./support/fixtures";
import { checkLearnerPage } from "./support/learning";
import { linkIn, mailTo, waitForMail } from "./support/mailbox";
import { DEMO, uniqueName } from "./support/people";
import { signIn } from "./support/sessions";
import { sharedServer } from "./support/shared-server";

async function fitsSmallScreen(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
}

test("an admin sets how early reminders go, refused with a clear message when out of range, at 390 px", async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, DEMO.admin);
  await page.goto("/organisation/settings");
  await checkPage(page);
  const section = page.getByRole("region", { name: "Reminders of due dates" });
  await expect(section.getByLabel("Days before the due date")).toHaveValue("3");
  await fitsSmallScreen(page);

  await section.getByLabel("Days before the due date").fill("45");
  await section.getByRole("button", { name: "Save reminders" }).click();
  await expect(section.getByText("Choose between 0 and 30 days.").first()).toBeVisible();
  await expect(section.getByLabel("Days before the due date")).toHaveValue("45");
  await checkPage(page);
  await fitsSmallScreen(page);

  // The default again, as the demo organisation's other tests expect.
  await section.getByLabel("Days before the due date").fill("3");
  await section.getByRole("button", { name: "Save reminders" }).click();
  await expect(page).toHaveURL(/\/organisation\/settings\?saved=reminders$/);
  await expect(page.getByText("Saved.")).toBeVisible();
  await expect(section.getByLabel("Days before the due date")).toHaveValue("3");
  await checkPage(page);
});

test("a learner is reminded once before a course is due and once after, and the link opens the course", async ({
  page,
  newPage,
}) => {
  test.setTimeout(180_000);
  const dueOn = londonDay(2);
  await signIn(page, DEMO.trainer);
  await createCohort(page, { name: uniqueName("Reminder group"), startsOn: londonDay(0) });
  await assignTraining(page, { label: `${DEMO_COURSE} (version 1)`, title: DEMO_COURSE, dueOn });
  await goToCohortTab(page, "Learners");
  const link = await createCohortLink(page);
  const person = newPerson("Remi");
  const learner = await newPage();
  await signUpThroughLink(learner, link, person, DEMO.organisation);

  expect(runReminderPass(sharedServer.databasePath).before).toBeGreaterThanOrEqual(1);
  const reminder = await waitForMail(person.email, /^A gentle reminder: /);
  expect(reminder.subject).toBe(`A gentle reminder: ${DEMO_COURSE} is due on ${longDate(dueOn)}`);
  expect(reminder.text).toContain(`Hello ${person.name}.`);
  expect(reminder.text).toContain(`${sharedServer.baseURL}/unsubscribe/`);

  await learner.setViewportSize({ width: 390, height: 844 });
  await learner.goto(linkIn(reminder, `${sharedServer.baseURL}/learn/e/`));
  await expect(learner.getByRole("heading", { level: 1, name: DEMO_COURSE })).toBeVisible();
  await checkLearnerPage(learner);
  await fitsSmallScreen(learner);

  // Another pass (the server's own hourly one, say) sends nothing more.
  runReminderPass(sharedServer.databasePath);
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  expect(mailTo(person.email).filter((m) => m.subject.startsWith("A gentle"))).toHaveLength(1);

  // Once the due date has passed: one gentle note, with the same way back.
  await goToCohortTab(page, "Progress");
  setAssignmentDueDate(sharedServer.databasePath, await assignmentIdOn(page), londonDay(-1));
  runReminderPass(sharedServer.databasePath);
  const note = await waitForMail(person.email, /^A gentle note about /);
  expect(note.subject).toBe(`A gentle note about ${DEMO_COURSE}`);
  expect(note.text).not.toMatch(/overdue|!/i);
  await learner.goto(linkIn(note, `${sharedServer.baseURL}/learn/e/`));
  await expect(learner.getByRole("heading", { level: 1, name: DEMO_COURSE })).toBeVisible();
  await checkLearnerPage(learner);
  runReminderPass(sharedServer.databasePath);
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  expect(mailTo(person.email).filter((m) => m.subject.startsWith("A gentle"))).toHaveLength(2);
});
