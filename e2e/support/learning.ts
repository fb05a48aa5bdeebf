/**
 * Publishing and learning, done the way people do it: a facilitator publishes a starter module, a
 * trainer composes and publishes a course, a learner joins by invitation and takes it. Every helper
 * checks (with `checkPage`, or `checkLearnerPage` on learner pages) each page it lands on.
 */

import { expect, type Page } from "@playwright/test";
import Database from "better-sqlite3";
import { QUICK_EXIT_URL } from "../../app/lib/quick-exit";
import { checkPage } from "./accessibility";
import { createInvitationLink, newPassword, uniqueEmail, uniqueName } from "./people";

export { QUICK_EXIT_URL };

/** The demo co-designer who has not signed anything off (modules/demo/seed.ts). */
export const PRIYA = "Priya Shah";

export type Person = { name: string; email: string; password: string };
export type PublishedModule = { id: string; title: string };

/**
 * `checkPage`, plus what every learner page must have: a quick exit to a neutral site beside
 * "Support now", and no client JavaScript at all (no script file, no module preload).
 */
export async function checkLearnerPage(page: Page) {
  const exit = page.getByRole("banner").getByRole("link", { name: "Quick exit" });
  await expect(exit).toBeVisible();
  await expect(exit).toHaveAttribute("href", QUICK_EXIT_URL);
  expect(new URL(QUICK_EXIT_URL).origin).not.toBe(new URL(page.url()).origin);
  await expect(page.locator("script[src]")).toHaveCount(0);
  await expect(page.locator('link[rel="modulepreload"]')).toHaveCount(0);
  await checkPage(page);
}

function moduleIdFrom(url: string): string {
  const match = /\/workshop\/([A-Za-z0-9_-]{22})(?:[/?#]|$)/.exec(url);
  if (!match?.[1]) throw new Error(`Not a module address: ${url}`);
  return match[1];
}

export async function goToModuleTab(page: Page, tab: string) {
  const nav = page.getByRole("navigation", { name: "Module" });
  await nav.getByRole("link", { name: tab, exact: true }).click();
  await expect(nav.getByRole("link", { name: tab, exact: true })).toHaveAttribute("aria-current", "page");
  if (tab === "Write") await expect(page.getByRole("textbox", { name: "Module content" })).toBeVisible();
  await checkPage(page);
}

/**
 * As a facilitator: Workshop → New module → "Start from “<starter>”", renamed to `title`, then
 * review, sign-off with the safety checklist, and publication with a changelog. With `blockedBy`,
 * that co-designer is added first, and publishing is shown to be refused until they are taken off.
 */
export async function publishStarterModule(
  page: Page,
  options: { starter: string; title: string; changelog: string; blockedBy?: string },
): Promise<PublishedModule> {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Workshop" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Workshop" })).toBeVisible();
  await checkPage(page);
  await page.getByRole("link", { name: "New module" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New module" })).toBeVisible();
  await checkPage(page);
  await page.getByRole("button", { name: `Start from “${options.starter}”` }).click();
  await expect(page).toHaveURL(/\/workshop\/[A-Za-z0-9_-]{22}\?started=1$/);
  await expect(page.getByRole("heading", { level: 1, name: options.starter })).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Module content" })).toBeVisible();
  await checkPage(page);
  const id = moduleIdFrom(page.url());

  // A title of its own, so that this module is told apart from every other copy of the starter.
  await goToModuleTab(page, "Details and people");
  const details = page.getByRole("region", { name: "Details" });
  await details.getByLabel("Title").fill(options.title);
  await details.getByRole("button", { name: "Save details" }).click();
  await expect(page.getByRole("heading", { level: 1, name: options.title })).toBeVisible();
  await checkPage(page);

  if (options.blockedBy) {
    const invite = page.getByRole("form", { name: "Invite someone from your organisation" });
    await invite.getByLabel("Person").selectOption({ label: options.blockedBy });
    await invite.getByLabel(/^Co-designer/).check();
    await invite.getByRole("button", { name: "Add to this module" }).click();
    await expect(
      page.getByRole("region", { name: "Collaborators" }).getByRole("listitem").filter({ hasText: options.blockedBy }),
    ).toContainText("Co-designer");
    await checkPage(page);
  }

  await goToModuleTab(page, "Review");
  await page.getByRole("button", { name: "Start the review" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "In review" })).toBeVisible();
  await checkPage(page);

  const signOff = page.getByRole("region", { name: "Your sign-off" });
  const checklist = signOff.getByRole("group", { name: "Safety checklist" });
  for (const point of [
    "There is a content note wherever the module touches a sensitive topic.",
    "There is a support signpost, so learners know where to turn.",
    "The language is plain and calm, with no jargon a peer supporter would not use.",
  ]) {
    await checklist.getByRole("checkbox", { name: point }).check();
  }
  await signOff.getByRole("button", { name: /^Sign off revision \d+$/ }).click();
  const people = page.getByRole("table", { name: "Sign-off by each collaborator" });
  await expect(people.getByRole("row").filter({ hasText: "(you)" })).toContainText("Signed off the current revision");
  await checkPage(page);

  const publish = page.getByRole("region", { name: "Publish" });
  if (options.blockedBy) {
    await expect(people.getByRole("row").filter({ hasText: options.blockedBy })).toContainText("Not yet");
    await publish.getByLabel("What is in this version").fill(options.changelog);
    await publish.getByRole("button", { name: "Publish version 1" }).click();
    await expect(page.getByRole("alert")).toContainText(
      new RegExp(`Everyone must sign off revision \\d+ first\\. Still waiting for: ${options.blockedBy}\\.`),
    );
    await expect(page.getByRole("heading", { level: 2, name: "In review" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Published versions" })).toHaveCount(0);
    await checkPage(page);

    // Being then the only collaborator, the facilitator may publish.
    await goToModuleTab(page, "Details and people");
    await page.getByRole("button", { name: `Remove ${options.blockedBy} from this module` }).click();
    await expect(page.getByRole("button", { name: `Remove ${options.blockedBy} from this module` })).toHaveCount(0);
    await checkPage(page);
    await goToModuleTab(page, "Review");
    await expect(people.getByRole("row").filter({ hasText: options.blockedBy })).toHaveCount(0);
  }

  await expect(page.getByText("Everyone has signed off this revision. A facilitator can publish it.")).toBeVisible();
  await publish.getByLabel("What is in this version").fill(options.changelog);
  await publish.getByRole("button", { name: "Publish version 1" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Published as version 1." })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Published", exact: true })).toBeVisible();
  await expect(page.getByRole("region", { name: "Published versions" })).toContainText(options.changelog);
  await checkPage(page);
  return { id, title: options.title };
}

/** The modules of the course being composed, in their order. */
export function courseOrder(page: Page) {
  return page.getByRole("region", { name: "Modules, in order" }).locator("ol.course-items > li > p > strong");
}

/** As a trainer: Courses → New course, open to everyone; lands on the course page. Returns its id. */
export async function createCourse(page: Page, options: { title: string; description: string }) {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Courses" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Courses" })).toBeVisible();
  await checkPage(page);
  const form = page.getByRole("region", { name: "New course" });
  await form.getByLabel("Title").fill(options.title);
  await form.getByLabel("Description").fill(options.description);
  await form.getByLabel("Open to everyone: any learner here can enrol themselves").check();
  await form.getByRole("button", { name: "Create course" }).click();
  await expect(page.getByRole("heading", { level: 1, name: options.title })).toBeVisible();
  await expect(page).toHaveURL(/\/courses\/[A-Za-z0-9_-]{22}$/);
  await checkPage(page);
  return /\/courses\/([A-Za-z0-9_-]{22})$/.exec(page.url())?.[1] ?? "";
}

/** On the course page: adds a published module (its latest version) at the end. */
export async function addModuleToCourse(page: Page, title: string) {
  const outline = page.getByRole("region", { name: "Modules, in order" });
  await outline.getByLabel("Add a published module").selectOption({ label: `${title} (version 1)` });
  await outline.getByRole("button", { name: "Add to course" }).click();
  await expect(courseOrder(page).filter({ hasText: title })).toHaveCount(1);
  await checkPage(page);
}

/** On the course page: publishes the course as composed, with a changelog. */
export async function publishCourse(page: Page, changelog: string, version = 1) {
  const publish = page.getByRole("region", { name: "Publish" });
  await publish.getByLabel("What is in this version").fill(changelog);
  await publish.getByRole("button", { name: `Publish version ${version}` }).click();
  await expect(page.getByRole("status").filter({ hasText: `Published as version ${version}.` })).toBeVisible();
  await expect(publish.getByRole("listitem").filter({ hasText: `Version ${version}` })).toContainText(changelog);
  await checkPage(page);
}

/**
 * As an admin (already logged in on `admin`): makes a one-use learner invitation, and the new person
 * joins with it on `learner`, landing on My learning.
 */
export async function joinAsLearner(admin: Page, learner: Page, prefix = "Learner"): Promise<Person> {
  const person = { name: uniqueName(prefix), email: uniqueEmail(prefix.toLowerCase()), password: newPassword() };
  const link = await createInvitationLink(admin, { roles: ["Learner"], label: person.name, maxUses: 1 });
  await learner.goto(link);
  await expect(learner.getByRole("heading", { level: 1, name: /^Join / })).toBeVisible();
  await checkPage(learner);
  await learner.getByLabel("Your name").fill(person.name);
  await learner.getByLabel("Email", { exact: true }).fill(person.email);
  await learner.getByLabel("Password", { exact: true }).fill(person.password);
  await learner.getByRole("button", { name: "Create account and join" }).click();
  await expect(learner).toHaveURL(/\/learn$/);
  // With JavaScript, the join page (which hydrates) renders My learning in the browser. Load it as a
  // document, as a learner arriving later does, so the learner pages after it are the server's own.
  await learner.goto("/learn");
  await expect(learner.getByRole("heading", { level: 1, name: "My learning" })).toBeVisible();
  await checkLearnerPage(learner);
  return person;
}

/** From My learning: opens a course open to everyone and starts it; lands on its outline. */
export async function startOpenCourse(page: Page, title: string) {
  await page.getByRole("region", { name: "Open to everyone" }).getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await checkLearnerPage(page);
  await page.getByRole("button", { name: "Start this course" }).click();
  await expect(page).toHaveURL(/\/learn\/e\/[A-Za-z0-9_-]{22}$/);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await checkLearnerPage(page);
  return /\/learn\/e\/([A-Za-z0-9_-]{22})$/.exec(page.url())?.[1] ?? "";
}

/** What the server has stored about one enrolment, read from its database file beside it. */
export function storedProgress(databasePath: string, enrolmentId: string) {
  const db = new Database(databasePath, { readonly: true, fileMustExist: true });
  try {
    const count = (sql: string) => (db.prepare(sql).get(enrolmentId) as { n: number }).n;
    return {
      events: count("select count(*) as n from progress_events where enrolment_id = ?"),
      viewed: count("select count(*) as n from progress_events where enrolment_id = ? and kind = 'viewed'"),
      answered: count("select count(*) as n from progress_events where enrolment_id = ? and kind = 'answered'"),
      moduleCompletedEvents: count(
        "select count(*) as n from progress_events where enrolment_id = ? and kind = 'module_completed'",
      ),
      courseCompletedEvents: count(
        "select count(*) as n from progress_events where enrolment_id = ? and kind = 'course_completed'",
      ),
      courseCompletions: count("select count(*) as n from course_completions where enrolment_id = ?"),
      reflections: count(
        "select count(*) as n from reflections where user_id = (select user_id from enrolments where id = ?)",
      ),
    };
  } finally {
    db.close();
  }
}

/** Today as the app writes dates (en-GB, London). */
export function today() {
  return new Date().toLocaleDateString("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "Europe/London",
  });
}
