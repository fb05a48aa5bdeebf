/**
 * Bringing it to supervision: a learner ticks journal entries and writes the points to raise, gets a
 * page of their own (printed without the site around it, downloaded as HTML and Markdown), and may
 * share one copy with a supervisor of their organisation, then take it back. Bad input is answered on
 * the form with what was typed kept, and nothing is shared.
 */
import fs from "node:fs";
import type { Page } from "@playwright/test";
import { strFromU8, unzipSync } from "fflate";
import { checkPage } from "./support/accessibility";
import { DEMO_COURSE, download, goToCohortTab, openAssignedCourse, openCohorts } from "./support/cohorts";
import { addMember, tableRows, twoOrganisations } from "./support/database";
import { expect, test } from "./support/fixtures";
import { checkLearnerPage, startOpenCourse } from "./support/learning";
import { DEMO, DEMO_PASSWORD, uniqueName } from "./support/people";
import { expectNoSecrets } from "./support/privacy";
import { courseInvitingThePlan, openPlanIn, PLAN_PARTS, savePlan } from "./support/self-care";
import { signIn } from "./support/sessions";
import { sharedServer } from "./support/shared-server";

/** What a learner's support choice would look like if it leaked: its place or groups, as labels or as values. */
const CHOICE_WORDS = /northern.ireland|migrant|asylum|drugs.or.alcohol|drugs-alcohol/i;

/** None of a learner's words, nor anything of their support choice, in the page. */
async function expectNoPrivateWords(page: Page, words: string[]) {
  await expectNoSecrets(page, words);
  expect(await page.content(), `${page.url()} shows something of a learner's support choice`).not.toMatch(CHOICE_WORDS);
}

const SAYING_NO = /Think of a time you said yes in your role/;
const CLEAR_ROLE = /Which parts of your role feel clear to you/;

type Server = { baseURL: string; databasePath: string; sessionSecret(): string };

/** A new member of the demo organisation on `server`, signed in on `page`. */
async function member(page: Page, name: string, roles: ("learner" | "trainer" | "supervisor")[], server: Server) {
  const person = addMember({ databasePath: server.databasePath, adminEmail: DEMO.admin, name, roles });
  await signIn(page, person.email, server);
  return person;
}

function userIdOf(databasePath: string, email: string): string {
  const user = (tableRows(databasePath, "users") as { id: string; email: string }[]).find((u) => u.email === email);
  if (!user) throw new Error(`no user ${email}`);
  return user.id;
}

/**
 * From My learning: opens the demo course (starting it, or as given to a cohort) and answers the two
 * reflection prompts of its first module.
 */
async function writeTwoEntries(page: Page, first: string, second: string, assigned = false) {
  await page.goto("/learn");
  await checkLearnerPage(page);
  if (assigned) await openAssignedCourse(page, DEMO_COURSE);
  else await startOpenCourse(page, DEMO_COURSE);
  await page.getByRole("link", { name: "Saying no kindly", exact: true }).click();
  await checkLearnerPage(page);
  for (const [prompt, text] of [
    [SAYING_NO, first],
    [CLEAR_ROLE, second],
  ] as const) {
    await page.getByRole("textbox", { name: prompt }).fill(text);
    await page.getByRole("button", { name: "Save to my journal" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Saved to your journal" })).toBeVisible();
    await checkLearnerPage(page);
    if (prompt === SAYING_NO) {
      await page.getByRole("navigation", { name: "Sections" }).getByRole("button", { name: "Next" }).click();
      await expect(
        page.getByRole("heading", { level: 1, name: "Agreeing your role with your organisation" }),
      ).toBeVisible();
      await checkLearnerPage(page);
    }
  }
}

async function openJournal(page: Page) {
  await page.goto("/learn/journal");
  await expect(page.getByRole("heading", { level: 1, name: "My reflection journal" })).toBeVisible();
  await checkLearnerPage(page);
}

/** On the journal: ticks entries by their prompts, writes the points and makes the page. */
async function makeSupervisionPage(page: Page, prompts: RegExp[], points: string) {
  for (const prompt of prompts) await page.getByRole("checkbox", { name: prompt }).check();
  await page.getByLabel("Points I want to raise").fill(points);
  await page.getByRole("button", { name: "Make my supervision page" }).click();
  await expect(page.getByRole("status")).toHaveText("Your supervision page is ready. Only you can see it.");
  await checkLearnerPage(page);
  return /\/learn\/supervision\/([A-Za-z0-9_-]{22})\?made=1$/.exec(page.url())?.[1] ?? "";
}

test("a learner brings two journal entries to supervision, shares a copy with a supervisor, and takes it back", async ({
  newPage,
}) => {
  test.setTimeout(240_000);
  const learner = await newPage({ javaScriptEnabled: false });
  const person = await member(learner, uniqueName("Rowan"), ["learner"], sharedServer);
  const first = `I said yes to a late call ${uniqueName("entry")}`;
  const second = `My hours are not clear to me ${uniqueName("entry")}`;
  const points = `How do I stop carrying calls home? ${uniqueName("point")}`;
  await writeTwoEntries(learner, first, second);

  // An admin gives a member the supervisor role on the members page.
  const supervisorName = uniqueName("Dee");
  const supervisor = await newPage();
  const dee = await member(supervisor, supervisorName, ["trainer"], sharedServer);
  const admin = await newPage();
  await signIn(admin, DEMO.admin);
  await admin.goto(`/organisation/members/${dee.membershipId}`);
  await checkPage(admin);
  await admin.getByRole("checkbox", { name: /^Supervisor/ }).check();
  await admin.getByRole("button", { name: "Save roles" }).click();
  await expect(admin).toHaveURL(/\/organisation$/);
  await checkPage(admin);

  await openJournal(learner);
  const id = await makeSupervisionPage(learner, [SAYING_NO, CLEAR_ROLE], points);
  const main = learner.getByRole("main");
  await expect(main.getByRole("heading", { level: 1, name: "For my supervision" })).toBeVisible();
  await expect(main).toContainText(points);
  await expect(main).toContainText(first);
  await expect(main).toContainText(second);

  // Usable on a phone: nothing wider than the screen.
  await learner.setViewportSize({ width: 390, height: 844 });
  expect(await learner.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await checkLearnerPage(learner);

  // Printed, only the page itself: no header, navigation, quick exit or forms.
  await learner.emulateMedia({ media: "print" });
  await expect(learner.getByRole("banner")).toBeHidden();
  await expect(learner.getByRole("link", { name: "Quick exit" })).toBeHidden();
  await expect(learner.getByRole("button", { name: "Share a copy" })).toBeHidden();
  await expect(learner.getByRole("heading", { level: 1, name: "For my supervision" })).toBeVisible();
  await expect(learner.getByText(first)).toBeVisible();
  await learner.emulateMedia({ media: "screen" });
  await learner.setViewportSize({ width: 1280, height: 720 });

  // Downloads: a web page and a Markdown file of the same words.
  const html = await download(learner, learner.getByRole("link", { name: "Download as a web page (HTML)" }));
  expect(html.name).toBe("for-my-supervision.html");
  expect(html.text).toContain("<h1>For my supervision</h1>");
  expect(html.text).toContain(first);
  expect(html.text).not.toContain("<script");
  const markdown = await download(learner, learner.getByRole("link", { name: "Download as a text file (Markdown)" }));
  expect(markdown.name).toBe("for-my-supervision.md");
  expect(markdown.text).toContain("# For my supervision");
  expect(markdown.text).toContain("## What I want to raise");
  expect(markdown.text).toContain(second);

  // Shared: the supervisor sees that copy, and it stays as it was when shared.
  await learner.getByLabel("Supervisor", { exact: true }).selectOption({ label: supervisorName });
  await learner.getByRole("button", { name: "Share a copy" }).click();
  await expect(learner.getByRole("status")).toHaveText(`A copy is shared with ${supervisorName}.`);
  await checkLearnerPage(learner);
  await learner.getByRole("link", { name: "Change this page" }).click();
  await checkLearnerPage(learner);
  const later = `Added after sharing ${uniqueName("point")}`;
  await learner.getByLabel("Points I want to raise").fill(later);
  await learner.getByRole("button", { name: "Save changes" }).click();
  await expect(learner.getByRole("status")).toHaveText("Your changes are saved.");
  await checkLearnerPage(learner);

  await supervisor.goto("/");
  await supervisor.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Shared with me" }).click();
  await expect(supervisor.getByRole("heading", { level: 1, name: "Shared with me" })).toBeVisible();
  await checkPage(supervisor);
  await supervisor.getByRole("link", { name: `For my supervision from ${person.name}` }).click();
  await expect(supervisor.getByRole("heading", { level: 1, name: "For my supervision" })).toBeVisible();
  await checkPage(supervisor);
  const shared = supervisor.url();
  await expect(supervisor.getByRole("main")).toContainText(points);
  await expect(supervisor.getByRole("main")).toContainText(first);
  await expect(supervisor.getByRole("main")).not.toContainText(later);
  // Nothing else of the learner's: their own page is not there for the supervisor.
  expect((await supervisor.request.get(`/learn/supervision/${id}`)).status()).toBe(404);

  // Revoked: gone at once, and the learner's own history says what happened.
  await learner.goto(`/learn/supervision/${id}`);
  await checkLearnerPage(learner);
  await learner.getByRole("button", { name: `Stop sharing with ${supervisorName}` }).click();
  await expect(learner.getByRole("status")).toHaveText("You stopped sharing this page.");
  await checkLearnerPage(learner);
  await supervisor.goto(shared);
  await expect(supervisor.getByRole("heading", { level: 1, name: "We could not find that page" })).toBeVisible();
  await checkPage(supervisor);
  expect(await supervisor.content()).not.toContain(first);
  await supervisor.goto("/shared-with-me");
  await expect(supervisor.getByRole("heading", { name: "Nothing is shared with you" })).toBeVisible();
  await checkPage(supervisor);

  await learner.getByRole("link", { name: "Back to my supervision pages" }).click();
  await checkLearnerPage(learner);
  const history = learner.getByRole("region", { name: "What you have shared" }).getByRole("row");
  await expect(history.nth(1)).toContainText(`You stopped sharing “For my supervision” with ${supervisorName}`);
  await expect(history.nth(2)).toContainText(`You shared “For my supervision” with ${supervisorName}`);

  // A trainer or an admin with the page's id finds nothing.
  const trainer = await newPage();
  await signIn(trainer, DEMO.trainer);
  for (const other of [admin, trainer]) {
    expect((await other.request.get(`/learn/supervision/${id}`)).status()).toBe(404);
    expect((await other.request.get(`/learn/supervision/${id}/download.md`)).status()).toBe(404);
  }

  // Deleted by its owner.
  await learner.getByRole("main").getByRole("link", { name: "For my supervision", exact: true }).click();
  await checkLearnerPage(learner);
  await learner.getByRole("button", { name: "Delete this supervision page" }).click();
  await expect(learner.getByRole("status")).toHaveText("That supervision page is deleted.");
  await checkLearnerPage(learner);
  expect((await learner.request.get(`/learn/supervision/${id}`)).status()).toBe(404);
});

test("choosing nothing, writing nothing, or sharing with someone who is not a supervisor here is refused plainly", async ({
  newPage,
}) => {
  test.setTimeout(240_000);
  const probe = twoOrganisations({
    databasePath: sharedServer.databasePath,
    adminEmail: DEMO.admin,
    password: DEMO_PASSWORD,
  });
  const learner = await newPage();
  await member(learner, uniqueName("Kit"), ["learner"], sharedServer);
  const first = `A hard week ${uniqueName("entry")}`;
  const second = `Clear enough ${uniqueName("entry")}`;
  await writeTwoEntries(learner, first, second);

  // No entries chosen: the message, and the points typed kept.
  await openJournal(learner);
  const points = `What to raise ${uniqueName("point")}`;
  await learner.getByLabel("Points I want to raise").fill(points);
  await learner.getByRole("button", { name: "Make my supervision page" }).click();
  await expect(learner.getByRole("alert")).toContainText("Choose at least one journal entry to bring.");
  await expect(learner.getByLabel("Points I want to raise")).toHaveValue(points);
  await checkLearnerPage(learner);

  // No points: the message, and the entries ticked kept.
  await learner.getByLabel("Points I want to raise").fill("  ");
  await learner.getByRole("checkbox", { name: SAYING_NO }).check();
  await learner.getByRole("button", { name: "Make my supervision page" }).click();
  await expect(learner.getByRole("alert")).toContainText("Write the points you want to raise.");
  await expect(learner.getByRole("checkbox", { name: SAYING_NO })).toBeChecked();
  await expect(learner.getByRole("checkbox", { name: CLEAR_ROLE })).not.toBeChecked();
  await checkLearnerPage(learner);
  expect(await learner.request.get("/learn/supervision").then((r) => r.text())).toContain("No supervision pages yet");

  const id = await makeSupervisionPage(learner, [SAYING_NO], points);

  // A member who is no supervisor, and someone of another organisation: the form is sent with a
  // forged choice, as a crafted request would be.
  const trainer = addMember({
    databasePath: sharedServer.databasePath,
    adminEmail: DEMO.admin,
    name: uniqueName("Sam"),
    roles: ["trainer"],
  });
  const outsider = (tableRows(sharedServer.databasePath, "memberships") as { org_id: string; user_id: string }[]).find(
    (m) => m.org_id === probe.other.orgId,
  );
  if (!outsider) throw new Error("the other organisation has no member");
  const cases = [
    {
      userId: userIdOf(sharedServer.databasePath, trainer.email),
      message: `${trainer.name} is not a supervisor here, so nothing was shared. Choose one of the supervisors listed.`,
    },
    {
      userId: outsider.user_id,
      message:
        "That person is not a supervisor in your organisation, so nothing was shared. Choose one of the supervisors listed.",
    },
  ];
  const supervisorName = uniqueName("Eli");
  addMember({
    databasePath: sharedServer.databasePath,
    adminEmail: DEMO.admin,
    name: supervisorName,
    roles: ["supervisor"],
  });
  for (const forged of cases) {
    await learner.goto(`/learn/supervision/${id}`);
    await checkLearnerPage(learner);
    const option = learner.getByRole("option", { name: supervisorName });
    await option.evaluate((element, value) => element.setAttribute("value", value), forged.userId);
    await learner.getByLabel("Supervisor", { exact: true }).selectOption({ label: supervisorName });
    await learner.getByRole("button", { name: "Share a copy" }).click();
    await expect(learner.getByRole("alert")).toContainText(forged.message);
    await expect(learner.getByText("This page is not shared. Only you can see it.")).toBeVisible();
    await checkLearnerPage(learner);
  }
  const shares = (tableRows(sharedServer.databasePath, "supervision_shares") as { page_id: string }[]).filter(
    (s) => s.page_id === id,
  );
  expect(shares).toEqual([]);
  await learner.goto("/learn/supervision");
  await expect(learner.getByText("You have not shared anything with a supervisor.")).toBeVisible();
  await checkLearnerPage(learner);
});

test("no trainer or admin page, CSV or xAPI export, admin's copy of their data, nor the server log holds a learner's supervision notes, self-care plan or support choice, except the notes' copy shared with their supervisor", async ({
  newPage,
  startServer,
}) => {
  test.setTimeout(360_000);
  // A server of its own, so its log is this test's alone; a demo learner in the trainer's cohort.
  const server = await startServer();
  const open = (options: { javaScriptEnabled?: boolean } = {}) => newPage({ baseURL: server.baseURL, ...options });
  const learnerEmail = "learner2@example.org";
  const learner = await open({ javaScriptEnabled: false });
  await signIn(learner, learnerEmail, server);
  const secrets = [
    `SECRET-entry-${uniqueName("a")}`,
    `SECRET-entry-${uniqueName("b")}`,
    `SECRET-points-${uniqueName("c")}`,
  ];
  const [first = "", second = "", points = ""] = secrets;
  // The same learner's self-care plan and support choice, which no one else sees at all.
  const plan = PLAN_PARTS.map(() => `SECRET-plan-${uniqueName("p")}`);
  const planCourse = uniqueName("Resting well");
  courseInvitingThePlan(planCourse, server);
  await openPlanIn(learner, planCourse);
  for (const [i, part] of PLAN_PARTS.entries()) await learner.getByRole("textbox", { name: part }).fill(plan[i] ?? "");
  await savePlan(learner);
  await learner.goto("/support/choose");
  await checkPage(learner);
  await learner.getByRole("group", { name: "Where are you?" }).getByLabel("Northern Ireland").check();
  const groups = learner.getByRole("group", { name: "Which of these matter to you?" });
  for (const group of ["Migrants and people seeking asylum", "People affected by drugs or alcohol"]) {
    await groups.getByLabel(group).check();
  }
  await learner.getByRole("button", { name: "Save" }).click();
  await expect(learner).toHaveURL(/\/support\?saved=choice$/);
  await checkPage(learner);
  await expect(learner.getByRole("main")).toContainText("Shown first for you: Northern Ireland");
  await writeTwoEntries(learner, first, second, true);
  await openJournal(learner);
  const id = await makeSupervisionPage(learner, [SAYING_NO, CLEAR_ROLE], points);

  const supervisorName = uniqueName("Dee");
  const supervisor = await open();
  await member(supervisor, supervisorName, ["supervisor"], server);
  await learner.reload();
  await checkLearnerPage(learner);
  await learner.getByLabel("Supervisor", { exact: true }).selectOption({ label: supervisorName });
  await learner.getByRole("button", { name: "Share a copy" }).click();
  await expect(learner.getByRole("status")).toHaveText(`A copy is shared with ${supervisorName}.`);
  await checkLearnerPage(learner);

  // The one exception: the supervisor's copy.
  await supervisor.goto("/shared-with-me");
  await checkPage(supervisor);
  await supervisor.getByRole("main").getByRole("link").first().click();
  await expect(supervisor.getByRole("heading", { level: 1, name: "For my supervision" })).toBeVisible();
  await checkPage(supervisor);
  for (const secret of secrets) await expect(supervisor.getByRole("main")).toContainText(secret);
  await expectNoSecrets(supervisor, plan);
  expect(await supervisor.content()).not.toMatch(CHOICE_WORDS);
  const hidden = [...secrets, ...plan];

  // The trainer: every area, the cohort the learner is in, its learner page, and both exports.
  const trainer = await open();
  await signIn(trainer, DEMO.trainer, server);
  const nav = trainer.getByRole("navigation", { name: "Main" });
  for (const label of await nav.getByRole("link").allTextContents()) {
    await nav.getByRole("link", { name: label, exact: true }).click();
    await expect(nav.getByRole("link", { name: label, exact: true })).toHaveAttribute("aria-current", "page");
    await checkPage(trainer);
    await expectNoPrivateWords(trainer, hidden);
  }
  await openCohorts(trainer);
  await trainer.getByRole("link", { name: "Winter peer supporters" }).click();
  await checkPage(trainer);
  for (const tab of ["Progress", "Learners", "Assignments", "Details and facilitators"] as const) {
    await goToCohortTab(trainer, tab);
    await expectNoPrivateWords(trainer, hidden);
  }
  await goToCohortTab(trainer, "Progress");
  for (const name of ["Download progress (CSV)", "Download xAPI statements (JSON)"]) {
    const file = await download(trainer, trainer.getByRole("link", { name }));
    expect(file.text.length).toBeGreaterThan(0);
    for (const secret of hidden) expect(file.text, `${name} holds a learner's words`).not.toContain(secret);
    expect(file.text, `${name} holds a learner's support choice`).not.toMatch(CHOICE_WORDS);
  }
  const learnerName = (tableRows(server.databasePath, "users") as { email: string; name: string }[]).find(
    (u) => u.email === learnerEmail,
  )?.name;
  await goToCohortTab(trainer, "Learners");
  await trainer.getByRole("link", { name: learnerName ?? "", exact: true }).click();
  await expect(trainer).toHaveURL(/\/learners\/[A-Za-z0-9_-]{22}$/);
  await expect(trainer.getByRole("heading", { level: 2, name: learnerName })).toBeVisible();
  await checkPage(trainer);
  await expectNoPrivateWords(trainer, hidden);
  expect((await trainer.request.get(`/learn/supervision/${id}`)).status()).toBe(404);

  // The admin: every section of the organisation, and the learner's member page.
  const admin = await open();
  await signIn(admin, DEMO.admin, server);
  await admin.goto("/organisation");
  await checkPage(admin);
  const sections = admin.getByRole("navigation", { name: "Organisation" }).getByRole("link");
  for (const label of await sections.allTextContents()) {
    await sections.filter({ hasText: label }).click();
    await expect(sections.filter({ hasText: label })).toHaveAttribute("aria-current", "page");
    await checkPage(admin);
    // The Support section lists the organisation's resources, each with the nations and groups it serves.
    if (label === "Support resources") await expectNoSecrets(admin, hidden);
    else await expectNoPrivateWords(admin, hidden);
  }
  await sections.filter({ hasText: "Members" }).click();
  await admin.getByRole("link", { name: `Change roles for ${learnerName}` }).click();
  await expect(admin).toHaveURL(/\/organisation\/members\/[A-Za-z0-9_-]{22}$/);
  await expect(admin.getByRole("heading", { level: 2, name: learnerName })).toBeVisible();
  await checkPage(admin);
  await expectNoPrivateWords(admin, hidden);
  expect((await admin.request.get(`/learn/supervision/${id}`)).status()).toBe(404);

  // The admin's copy of the learner's data, made on request, and the activity log that records it.
  const requests = admin.getByRole("region", { name: "Requests about their data" });
  await requests.getByLabel("Why, for the record").first().fill("Asked in person");
  const [copy] = await Promise.all([
    admin.waitForEvent("download"),
    requests.getByRole("button", { name: "Download their data" }).click(),
  ]);
  const copyText = Object.values(unzipSync(fs.readFileSync(await copy.path())))
    .map((bytes) => strFromU8(bytes))
    .join("\n");
  expect(copyText).toContain(learnerEmail);
  for (const secret of hidden) expect(copyText, "the admin's copy of the learner's data").not.toContain(secret);
  expect(copyText, "the admin's copy of the learner's data").not.toMatch(CHOICE_WORDS);
  await sections.filter({ hasText: "Activity log" }).click();
  await checkPage(admin);
  await expect(admin.getByRole("main")).toContainText("Asked in person");
  await expectNoPrivateWords(admin, hidden);

  // And nothing of it in anything the server printed, from its start.
  const log = server.log();
  expect(log).toContain("Alongside is running on");
  for (const secret of hidden) expect(log, "the server log").not.toContain(secret);
  expect(log, "the server log").not.toMatch(CHOICE_WORDS);
});
