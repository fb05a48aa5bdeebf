/**
 * Cohorts, done the way trainers and learners do it: making a cohort, naming its facilitators,
 * adding learners (from the organisation, by link, from a CSV file), assigning training, and the
 * learner's side of taking the demo course's module. Every helper checks (with `checkPage`, or
 * `checkLearnerPage` on learner pages) each page it lands on.
 */
import fs from "node:fs";
import { expect, type Locator, type Page, test } from "@playwright/test";
import Database from "better-sqlite3";
import { checkPage } from "./accessibility";
import { checkLearnerPage, type Person } from "./learning";
import { newPassword, uniqueEmail, uniqueName } from "./people";

/** The demo course (modules/demo/seed.ts): one module, the Boundaries starter, published as version 1. */
export const DEMO_COURSE = "Peer support essentials";
export const BOUNDARIES = "Boundaries and role clarity";

export type CohortTab = "Progress" | "Learners" | "Assignments" | "Details and facilitators";

const LONDON_DAY = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/London",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** A calendar day in London as YYYY-MM-DD, `offset` days from today (as the app counts days). */
export function londonDay(offset = 0): string {
  const day = new Date(`${LONDON_DAY.format(new Date())}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() + offset);
  return day.toISOString().slice(0, 10);
}

/** A YYYY-MM-DD day as the app writes it: "1 March 2027". */
export function longDate(day: string): string {
  return new Date(`${day}T12:00:00Z`).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
}

/** Someone who does not have an account yet. */
export function newPerson(prefix = "Learner"): Person {
  return { name: uniqueName(prefix), email: uniqueEmail(prefix.toLowerCase()), password: newPassword() };
}

function cohortIdFrom(url: string): string {
  const match = /\/cohorts\/([A-Za-z0-9_-]{22})(?:[/?#]|$)/.exec(url);
  if (!match?.[1]) throw new Error(`Not a cohort address: ${url}`);
  return match[1];
}

/** Main navigation → Cohorts. */
export async function openCohorts(page: Page) {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Cohorts" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Cohorts" })).toBeVisible();
  await expect(page).toHaveURL(/\/cohorts$/);
  await checkPage(page);
}

export type CohortInput = { name: string; description?: string; startsOn: string; endsOn?: string };

/** Fills the "New cohort" form on the Cohorts page and sends it; stays on whatever comes back. */
export async function submitNewCohort(page: Page, cohort: CohortInput) {
  const form = page.getByRole("region", { name: "New cohort" });
  await form.getByLabel("Name", { exact: true }).fill(cohort.name);
  await form.getByLabel("Description").fill(cohort.description ?? "");
  await form.getByLabel("Starts on").fill(cohort.startsOn);
  await form.getByLabel("Ends on (optional)").fill(cohort.endsOn ?? "");
  await form.getByRole("button", { name: "Create cohort" }).click();
}

/** As a trainer: Cohorts → New cohort. Lands on the new cohort's Learners tab; returns its id. */
export async function createCohort(page: Page, cohort: CohortInput): Promise<string> {
  await openCohorts(page);
  await submitNewCohort(page, cohort);
  await expect(page).toHaveURL(/\/cohorts\/[A-Za-z0-9_-]{22}\/learners$/);
  await expect(page.getByRole("heading", { level: 1, name: cohort.name })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "0 learners" })).toBeVisible();
  await checkPage(page);
  return cohortIdFrom(page.url());
}

/** Opens one of the cohort's tabs. */
export async function goToCohortTab(page: Page, tab: CohortTab) {
  const tabs = page.getByRole("navigation", { name: "Cohort" });
  await tabs.getByRole("link", { name: tab, exact: true }).click();
  await expect(tabs.getByRole("link", { name: tab, exact: true })).toHaveAttribute("aria-current", "page");
  await checkPage(page);
}

/** As a trainer, on any page: opens the cohort's page at `path` by address (e.g. "" or "/learners"). */
export async function openCohort(page: Page, cohortId: string, name: string, path = "") {
  await page.goto(`/cohorts/${cohortId}${path}`);
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await checkPage(page);
}

/** On the Details tab: names a facilitator, with a short bio. */
export async function addFacilitator(page: Page, person: string, bio: string) {
  await goToCohortTab(page, "Details and facilitators");
  const facilitators = page.getByRole("region", { name: "Facilitators" });
  await facilitators.getByLabel("Person").selectOption({ label: person });
  await facilitators.getByLabel("A short bio (optional)").fill(bio);
  await facilitators.getByRole("button", { name: "Add facilitator" }).click();
  const listed = facilitators.getByRole("listitem").filter({ hasText: person });
  await expect(listed).toContainText(bio);
  await expect(facilitators.getByLabel(`About ${person} (optional)`)).toHaveValue(bio);
  await checkPage(page);
}

/** The Learners tab's list of the cohort's current learners. */
export function learnerList(page: Page): Locator {
  return page.getByRole("region", { name: /^\d+ learners?$/ });
}

/** On the Learners tab: adds an organisation member with "Add from your organisation". */
export async function addFromOrganisation(page: Page, name: string, option = name) {
  const add = page.getByRole("region", { name: "Add from your organisation" });
  await add.getByLabel("Person").selectOption({ label: option });
  await add.getByRole("button", { name: "Add to cohort" }).click();
  await expect(learnerList(page).getByRole("link", { name, exact: true })).toBeVisible();
  await checkPage(page);
}

/** On the Learners tab: creates the cohort's link anyone can use and returns it (it is shown once). */
export async function createCohortLink(page: Page): Promise<string> {
  const section = page.getByRole("region", { name: "A link anyone can use" });
  await section.getByRole("button", { name: "Create a link anyone can use" }).click();
  const shown = section.getByRole("status").filter({ hasText: "Copy it now" });
  await expect(shown).toBeVisible();
  // The Learners tab is an index route: the form's answer comes back at its "?index" address.
  await expect(page).toHaveURL(/\/learners\?index$/);
  await checkPage(page);
  const link = ((await shown.getByText(/\/join\//).textContent()) ?? "").trim();
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/join\/[A-Za-z0-9_-]{20,}$/);
  return link;
}

/** The "Add from a CSV file" section of the Learners tab. */
export function csvSection(page: Page): Locator {
  return page.getByRole("region", { name: "Add from a CSV file" });
}

/**
 * On the Learners tab: writes `contents` to a file in the test's output folder, chooses it in the
 * "CSV file" field and asks for the preview. Stays on whatever comes back (a preview or a message).
 */
export async function previewCsv(page: Page, fileName: string, contents: string | Buffer) {
  const file = test.info().outputPath(fileName);
  fs.writeFileSync(file, contents);
  const section = csvSection(page);
  await section.getByLabel("CSV file").setInputFiles(file);
  await section.getByRole("button", { name: "Preview" }).click();
  await expect(page).toHaveURL(/\/learners\?index$/);
}

/** The preview's row for a line of the file. */
export function previewRow(page: Page, line: number): Locator {
  return csvSection(page)
    .getByRole("table", { name: /^Preview:/ })
    .getByRole("row")
    .filter({ has: page.getByRole("cell", { name: String(line), exact: true }) });
}

/**
 * On the Assignments tab: assigns the option labelled `label` ("Title (version N)") with an optional
 * due date, and expects it listed.
 */
export async function assignTraining(page: Page, options: { label: string; title: string; dueOn?: string }) {
  await goToCohortTab(page, "Assignments");
  const form = page.getByRole("region", { name: "Assign training" });
  await form.getByLabel("Course or module").selectOption({ label: options.label });
  await form.getByLabel("Due date (optional)").fill(options.dueOn ?? "");
  await form.getByRole("button", { name: "Assign to the cohort" }).click();
  await expect(page).toHaveURL(/\/assignments\?assigned=1$/);
  await expect(page.getByText("Assigned. Everyone in the cohort can see it in My learning.")).toBeVisible();
  await expect(assignmentCard(page, options.title)).toContainText(
    options.dueOn ? `Due ${longDate(options.dueOn)}` : "No due date",
  );
  await checkPage(page);
}

/** An assignment's card on the Assignments tab. */
export function assignmentCard(page: Page, title: string): Locator {
  return page
    .getByRole("region", { name: "Assigned" })
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { level: 3, name: title }) });
}

/**
 * A new person joins through an invitation link (an organisation's, a cohort's or a personal one)
 * and lands on My learning, which is then loaded as a document, as a learner arriving later does.
 */
export async function signUpThroughLink(page: Page, link: string, person: Person, orgName: string) {
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: `Join ${orgName}` })).toBeVisible();
  await expect(page.getByText("You have been invited to join as a learner.")).toBeVisible();
  await checkPage(page);
  await page.getByLabel("Your name").fill(person.name);
  await page.getByLabel("Email", { exact: true }).fill(person.email);
  await page.getByLabel("Password", { exact: true }).fill(person.password);
  await page.getByRole("button", { name: "Create account and join" }).click();
  await expect(page).toHaveURL(/\/learn$/);
  await page.goto("/learn");
  await expect(page.getByRole("heading", { level: 1, name: "My learning" })).toBeVisible();
  await checkLearnerPage(page);
}

/** A course's card under "Your courses" on My learning. */
export function courseCard(page: Page, title: string): Locator {
  return page
    .getByRole("region", { name: "Your courses" })
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { level: 3, name: title, exact: true }) });
}

/** From My learning: starts (or continues) a course given to the learner; lands on its outline. */
export async function openAssignedCourse(page: Page, title: string): Promise<string> {
  await courseCard(page, title)
    .getByRole("link", { name: new RegExp(`^(Start|Continue|Look back) ${escaped(title)}$`) })
    .click();
  await expect(page).toHaveURL(/\/learn\/e\/[A-Za-z0-9_-]{22}$/);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await checkLearnerPage(page);
  return /\/learn\/e\/([A-Za-z0-9_-]{22})$/.exec(page.url())?.[1] ?? "";
}

export function escaped(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

async function onSection(page: Page, title: string, position: string) {
  await expect(page.getByRole("heading", { level: 1, name: title, exact: true })).toBeVisible();
  await expect(page.getByText(new RegExp(`${escaped(BOUNDARIES)} · section ${position}`))).toBeVisible();
}

async function answerRightly(page: Page, question: RegExp, options: string[]) {
  const block = page.getByRole("region", { name: question });
  for (const option of options) await block.getByRole("group").getByLabel(option, { exact: true }).check();
  await block.getByRole("button", { name: /^Check (my answer|again)$/ }).click();
  await expect(block.getByRole("status").getByRole("strong")).toHaveText("That's right.");
  await checkLearnerPage(page);
}

async function next(page: Page) {
  await page.getByRole("navigation", { name: "Sections" }).getByRole("button", { name: "Next" }).click();
}

/** The six sections of the demo module, with the titles the learner sees. */
export const BOUNDARIES_SECTIONS = [
  "What peer support is, and what it is not",
  "When contact comes out of hours",
  "Support or friendship?",
  "Saying no kindly",
  "Agreeing your role with your organisation",
  "Bringing it together",
] as const;

/** From the course outline: opens the demo module's first section and reads it (answering its check). */
export async function startBoundaries(page: Page) {
  await page
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { name: new RegExp(`^${escaped(BOUNDARIES)}`) }) })
    .getByRole("link", { name: BOUNDARIES_SECTIONS[0], exact: true })
    .click();
  await onSection(page, BOUNDARIES_SECTIONS[0], "1 of 6");
  await checkLearnerPage(page);
  await answerRightly(page, /Which of these are part of your role as a peer supporter\?/, [
    "Listening without judging",
    "Sharing parts of your own story when it might help them",
    "Helping them find other services and support",
  ]);
}

/**
 * From the course outline: takes the demo module from its first section to its last, answering each
 * knowledge check rightly. With `reflection`, writes it in the learner's journal on the way; with
 * `skipSensitive`, skips the content-noted section for now. Ends on the page after the last section
 * (the next module, or the course outline when it was the last).
 */
export async function takeBoundaries(page: Page, options: { reflection?: string; skipSensitive?: boolean } = {}) {
  await startBoundaries(page);

  await next(page);
  await onSection(page, BOUNDARIES_SECTIONS[1], "2 of 6");
  const note = page.getByRole("region", { name: "Before you start: a content note" });
  await expect(note).toBeVisible();
  await checkLearnerPage(page);
  if (options.skipSensitive) {
    await note.getByRole("button", { name: "Skip for now" }).click();
  } else {
    await note.getByRole("link", { name: "Continue to the section" }).click();
    await expect(page.getByRole("region", { name: "Scenario" })).toBeVisible();
    await checkLearnerPage(page);
    await next(page);
  }

  await onSection(page, BOUNDARIES_SECTIONS[2], "3 of 6");
  await checkLearnerPage(page);
  await answerRightly(page, /Someone you support sends you a friend request/, [
    "Do not accept it, and explain kindly next time you talk, using your organisation's guidance.",
  ]);

  await next(page);
  await onSection(page, BOUNDARIES_SECTIONS[3], "4 of 6");
  await checkLearnerPage(page);
  if (options.reflection) {
    const reflection = page.getByRole("textbox", { name: /Think of a time you said yes in your role/ });
    await reflection.fill(options.reflection);
    await page.getByRole("button", { name: "Save to my journal" }).click();
    await expect(
      page.getByRole("status").filter({ hasText: "Saved to your journal. Only you can see it." }),
    ).toBeVisible();
    await expect(reflection).toHaveValue(options.reflection);
    await checkLearnerPage(page);
  }

  await next(page);
  await onSection(page, BOUNDARIES_SECTIONS[4], "5 of 6");
  await checkLearnerPage(page);
  await answerRightly(page, /not sure whether something is part of your role/, [
    "Check with your supervisor or coordinator, and ask for it to be added to your role description.",
  ]);

  await next(page);
  await onSection(page, BOUNDARIES_SECTIONS[5], "6 of 6");
  await checkLearnerPage(page);
  await page
    .getByRole("navigation", { name: "Sections" })
    .getByRole("button", { name: /^(Next|Finish)$/ })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: BOUNDARIES_SECTIONS[5] })).toHaveCount(0);
  await checkLearnerPage(page);
}

/** The learner's row in the progress matrix. */
export function matrixRow(page: Page, name: string): Locator {
  return page
    .getByRole("table", { name: /^Progress of \d+ learners? on each module$/ })
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader").getByRole("link", { name, exact: true }) });
}

/** The matrix's learner names, in the order shown. */
export function matrixNames(page: Page): Locator {
  return page
    .getByRole("table", { name: /^Progress of \d+ learners? on each module$/ })
    .getByRole("rowheader")
    .getByRole("link");
}

/** Clicks a download link and returns the file's name and text. */
export async function download(page: Page, link: Locator): Promise<{ name: string; text: string; bytes: Buffer }> {
  const downloading = page.waitForEvent("download");
  await link.click();
  const file = await downloading;
  const bytes = fs.readFileSync(await file.path());
  return { name: file.suggestedFilename(), text: bytes.toString("utf8"), bytes };
}

/** The assignment id the Progress tab's download links carry. */
export async function assignmentIdOn(page: Page): Promise<string> {
  const href = (await page.getByRole("link", { name: "Download progress (CSV)" }).getAttribute("href")) ?? "";
  const id = /[?&]assignment=([A-Za-z0-9_-]{22})$/.exec(href)?.[1];
  if (!id) throw new Error(`Unexpected download link: ${href}`);
  return id;
}

/**
 * Moves an assignment's due date straight in the server's database file (SQLite in WAL mode lets this
 * second connection write beside the server): the app rightly refuses to set a date in the past, and
 * a test cannot wait for a real due date to pass.
 */
export function setAssignmentDueDate(databasePath: string, assignmentId: string, dueOn: string) {
  const db = new Database(databasePath, { fileMustExist: true, timeout: 10_000 });
  try {
    const changed = db.prepare("update assignments set due_on = ? where id = ?").run(dueOn, assignmentId);
    if (changed.changes !== 1) throw new Error(`No assignment ${assignmentId} to change`);
  } finally {
    db.close();
  }
}

/** How many assignments a cohort has, read from the server's database file. */
export function storedAssignments(databasePath: string, cohortId: string): number {
  const db = new Database(databasePath, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare("select count(*) as n from assignments where cohort_id = ?").get(cohortId) as { n: number }).n;
  } finally {
    db.close();
  }
}
