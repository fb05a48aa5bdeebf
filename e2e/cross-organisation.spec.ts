/**
 * Every learner request with its ids mixed: another organisation's module version, enrolment,
 * course, prompt, check and journal entry, and another learner's enrolment in the same organisation.
 * Each address is checked against the one before it (enrolment, then course version, then module
 * version, then section, then prompt or check), so every mix answers "not found", stores nothing, and
 * the database never holds a row that points at another organisation's data.
 */

import type { Page } from "@playwright/test";
import Database from "better-sqlite3";
import { crossOrganisationReferences } from "../modules/testing/cross-organisation";
import { checkPage } from "./support/accessibility";
import { tableRows, twoOrganisations } from "./support/database";
import { expect, test } from "./support/fixtures";
import { checkLearnerPage } from "./support/learning";
import { DEMO, newPassword } from "./support/people";
import { signIn } from "./support/sessions";
import { sharedServer } from "./support/shared-server";

const LEARNER_TABLES = ["reflections", "progress_events", "module_progress", "course_completions", "enrolments"];

function snapshot() {
  return Object.fromEntries(LEARNER_TABLES.map((t) => [t, tableRows(sharedServer.databasePath, t)]));
}

function references() {
  const db = new Database(sharedServer.databasePath, { readonly: true, fileMustExist: true });
  try {
    return crossOrganisationReferences(db);
  } finally {
    db.close();
  }
}

/** A form POST as the learner's browser would send it: their session cookie, and our own Origin. */
function post(page: Page, path: string, form: Record<string, string>) {
  return page.request.post(path, {
    form,
    headers: { Origin: sharedServer.baseURL },
    maxRedirects: 0,
  });
}

test("a learner's requests with another organisation's or another learner's ids answer 404 and store nothing", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const password = newPassword();
  const ids = twoOrganisations({ databasePath: sharedServer.databasePath, adminEmail: DEMO.admin, password });
  await signIn(page, ids.learner.email);

  // The learner's own course: its first section, as the outline links to it.
  const outline = `/learn/e/${ids.learner.enrolmentId}`;
  await page.goto(outline);
  await checkLearnerPage(page);
  const first = await page
    .getByRole("link", { name: /Start the course|Continue where you left off/ })
    .getAttribute("href");
  const match = /\/m\/([A-Za-z0-9_-]{22})\/s\/1$/.exec(first ?? "");
  if (!match?.[1]) throw new Error(`Unexpected first section link: ${first}`);
  const ownVersion = match[1];
  const other = ids.other;
  const before = snapshot();

  const section = (enrolmentId: string, versionId: string, n = 1) => `/learn/e/${enrolmentId}/m/${versionId}/s/${n}`;
  const mixes = [
    {
      what: "another organisation's module version in my enrolment",
      path: section(ids.learner.enrolmentId, other.moduleVersionId),
    },
    { what: "another organisation's enrolment", path: section(other.enrolmentId, other.moduleVersionId) },
    { what: "my module version in another organisation's enrolment", path: section(other.enrolmentId, ownVersion) },
    { what: "another learner's enrolment in my organisation", path: section(ids.neighbour.enrolmentId, ownVersion) },
    { what: "a section my module does not have", path: section(ids.learner.enrolmentId, ownVersion, 99) },
  ];
  const forms: Record<string, string>[] = [
    { intent: "next" },
    { intent: "skip" },
    { intent: "answer", checkId: other.checkId, option: other.optionId },
    { intent: "reflect", promptId: other.promptId, body: "Written where it does not belong." },
  ];
  for (const mix of mixes) {
    const shown = await page.request.get(mix.path, { maxRedirects: 0 });
    expect(shown.status(), `GET with ${mix.what}`).toBe(404);
    for (const form of forms) {
      const response = await post(page, mix.path, form);
      expect(response.status(), `${form.intent} with ${mix.what}`).toBe(404);
    }
  }

  // My own section with another organisation's prompt or check in the form: not part of this section.
  for (const form of forms.slice(2)) {
    const response = await post(page, section(ids.learner.enrolmentId, ownVersion), form);
    expect(response.status(), `${form.intent} with another organisation's id in the form`).toBe(400);
  }

  for (const path of [
    `/learn/e/${other.enrolmentId}`,
    `/learn/e/${other.enrolmentId}/certificate`,
    `/learn/e/${ids.neighbour.enrolmentId}`,
    `/learn/e/${ids.neighbour.enrolmentId}/certificate`,
    `/learn/courses/${other.courseId}`,
    `/learn/journal/${other.journalEntryId}`,
  ]) {
    const response = await page.request.get(path, { maxRedirects: 0 });
    expect(response.status(), `GET ${path}`).toBe(404);
  }
  for (const [path, form] of [
    [`/learn/courses/${other.courseId}`, { intent: "enrol" }],
    [`/learn/journal/${other.journalEntryId}`, { intent: "save", body: "Overwritten." }],
    [`/learn/journal/${other.journalEntryId}`, { intent: "delete" }],
  ] as const) {
    const response = await post(page, path, form);
    expect(response.status(), `POST ${path} ${form.intent}`).toBe(404);
  }

  expect(snapshot()).toEqual(before);
  expect(references()).toEqual([]);

  // The page a person sees for such an address is the calm 404 page, with support in reach.
  await page.goto(section(ids.learner.enrolmentId, other.moduleVersionId));
  await expect(page.getByRole("heading", { level: 1, name: "We could not find that page" })).toBeVisible();
  await checkPage(page);
});
