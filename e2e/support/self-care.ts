import { expect, type Page } from "@playwright/test";
import { publishSelfCareCourse } from "./database";
import { checkLearnerPage, startOpenCourse } from "./learning";
import { DEMO } from "./people";
import { sharedServer } from "./shared-server";

/** The parts of a self-care plan, as its boxes are labelled. */
export const PLAN_PARTS = [
  "The signs that I am struggling",
  "What helps me",
  "Who I can contact",
  "The boundaries I keep",
] as const;

/** Publishes, in the demo organisation on `server`, a course open to everyone whose one module invites the plan. */
export function courseInvitingThePlan(title: string, server: { databasePath: string } = sharedServer) {
  publishSelfCareCourse({
    databasePath: server.databasePath,
    facilitatorEmail: DEMO.facilitator,
    trainerEmail: DEMO.trainer,
    title,
    intro: `Looking after yourself matters in ${title}.`,
  });
}

/** From My learning: starts the open course and opens the section whose block invites the plan. */
export async function openPlanIn(page: Page, course: string) {
  await page.goto("/learn");
  await checkLearnerPage(page);
  const enrolmentId = await startOpenCourse(page, course);
  await page.getByRole("link", { name: "Your self-care plan", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your self-care plan" })).toBeVisible();
  await expect(page.getByText(`Looking after yourself matters in ${course}.`)).toBeVisible();
  await checkLearnerPage(page);
  return enrolmentId;
}

export async function savePlan(page: Page) {
  await page.getByRole("button", { name: "Save my plan" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your self-care plan is saved." })).toBeVisible();
  await checkLearnerPage(page);
}
