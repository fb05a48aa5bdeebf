/**
 * The whole path from an agreed module to a certificate: a facilitator publishes two modules, a
 * trainer composes and publishes a course from them, and two new learners take it (one without
 * JavaScript, one with it). What a learner writes in their journal never reaches a page anyone else
 * can open. The tests run in order: each one builds on what the one before published.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import type { Locator, Page } from "@playwright/test";
import { checkPage } from "./support/accessibility";
import { expect, test } from "./support/fixtures";
import {
  addModuleToCourse,
  checkLearnerPage,
  courseOrder,
  createCourse,
  goToModuleTab,
  joinAsLearner,
  type Person,
  PRIYA,
  type PublishedModule,
  publishCourse,
  publishStarterModule,
  startOpenCourse,
  today,
} from "./support/learning";
import { DEMO, logIn, uniqueName } from "./support/people";
import { expectNoSecrets } from "./support/privacy";
import { signIn } from "./support/sessions";

test.describe.configure({ mode: "serial" });

const SELF_CARE = { starter: "Emotional labour and self-care", title: uniqueName("Looking after yourself") };
const SUPERVISION = { starter: "Getting support and supervision", title: uniqueName("Support and supervision") };
const COURSE = {
  title: uniqueName("Peer support foundations"),
  description: "Looking after yourself, then getting the support you need.",
};

/** What the tests before published, for the tests after. */
const published: { modules: PublishedModule[]; courseId: string } = { modules: [], courseId: "" };
const learners: { person: Person; secret: string; enrolmentId: string; javaScriptEnabled: boolean }[] = [];

/** A reflection no page could contain by chance. */
function uniqueReflection() {
  return `I take the hard parts home with me, ${randomBytes(8).toString("hex")}, and I want to stop.`;
}

function escaped(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

async function onSection(page: Page, title: string, position: string) {
  await expect(page.getByRole("heading", { level: 1, name: title, exact: true })).toBeVisible();
  await expect(page.getByText(new RegExp(`· section ${position}`))).toBeVisible();
}

/** Next (or Finish) at the foot of a section: a form POST, then the next section's page. */
async function next(page: Page, title: string, position: string) {
  await page.getByRole("navigation", { name: "Sections" }).getByRole("button", { name: "Next" }).click();
  await onSection(page, title, position);
}

/** Before a content-noted section, the note comes first with its three choices. */
async function expectContentNoteFirst(page: Page, note: string) {
  const first = page.getByRole("region", { name: "Before you start: a content note" });
  await expect(first).toContainText(/This section talks about: .+\./);
  await expect(first).toContainText(note);
  await expect(first.getByRole("link", { name: "Continue to the section" })).toBeVisible();
  await expect(first.getByRole("button", { name: "Skip for now" })).toBeVisible();
  await expect(first.getByRole("link", { name: "Take a break" })).toHaveAttribute("href", "/support");
  // Nothing of the section itself yet, and no way on but the three choices.
  await expect(page.getByRole("navigation", { name: "Sections" })).toHaveCount(0);
  await checkLearnerPage(page);
  return first;
}

function check(page: Page, question: RegExp): Locator {
  return page.getByRole("region", { name: question });
}

/**
 * Answers a knowledge check by choosing these options, and expects the verdict with the feedback
 * of each chosen option (and of no other).
 */
async function answer(
  page: Page,
  question: RegExp,
  choose: string[],
  expected: { right: boolean; feedback: string[] },
) {
  const block = check(page, question);
  const options = block.getByRole("group");
  for (const option of choose) await options.getByLabel(option, { exact: true }).check();
  await block.getByRole("button", { name: /^Check (my answer|again)$/ }).click();
  const verdict = block.getByRole("status");
  await expect(verdict.getByRole("strong")).toHaveText(
    expected.right ? "That's right." : "Not quite. Have another look and try again.",
  );
  await expect(verdict.getByRole("listitem")).toHaveText(
    choose.map((option, i) => `${option}: ${expected.feedback[i]}`),
  );
  for (const option of choose) await expect(options.getByLabel(option, { exact: true })).toBeChecked();
  await checkLearnerPage(page);
}

/**
 * A new learner takes the course from My learning to the certificate: writes `secret` as a
 * reflection, answers a check wrong then right, skips one content-noted section and reads another,
 * opens a scenario's response, and finishes. Every page is checked as a learner page.
 */
async function takeTheCourse(page: Page, person: Person, secret: string): Promise<string> {
  const enrolmentId = await startOpenCourse(page, COURSE.title);
  const outline = page.getByRole("heading", { level: 2 });
  await expect(outline).toHaveText([
    new RegExp(`^${escaped(SELF_CARE.title)}\\s*Not started$`),
    new RegExp(`^${escaped(SUPERVISION.title)}\\s*Not started$`),
  ]);
  await page.getByRole("link", { name: "Continue where you left off" }).click();

  // Looking after yourself, 1: a reflection, saved privately.
  await onSection(page, "The weight of other people's stories", "1 of 6");
  await checkLearnerPage(page);
  const reflection = page.getByRole("textbox", { name: /When did you feel most drained\?/ });
  await expect(page.getByText("Private: this goes into your own journal.")).toBeVisible();
  await reflection.fill(secret);
  await page.getByRole("button", { name: "Save to my journal" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "Saved to your journal. Only you can see it." }),
  ).toBeVisible();
  await expect(page).toHaveURL(/[?&]saved=/);
  await expect(reflection).toHaveValue(secret);
  await checkLearnerPage(page);

  // 2: a check answered wrong, then right, with the chosen option's feedback each time.
  await next(page, "Switching off", "2 of 6");
  await checkLearnerPage(page);
  const switchingOff = /You keep thinking about someone you support when you are at home/;
  await answer(page, switchingOff, ["Try hard not to think about it at all."], {
    right: false,
    feedback: ["Pushing thoughts away often makes them come back stronger. It is better to give them a place to go."],
  });
  await answer(
    page,
    switchingOff,
    ["Write down what is on your mind, plan to take it to supervision, and do something that is just for you."],
    {
      right: true,
      feedback: [
        "Yes. Writing it down tells your mind it will not be forgotten. Then you can give yourself permission to rest.",
      ],
    },
  );
  await expect(
    check(page, switchingOff).getByRole("radio", { name: "Try hard not to think about it at all." }),
  ).not.toBeChecked();

  // 3: content-noted; skipped for now.
  await next(page, "When someone you support relapses", "3 of 6");
  const relapse = await expectContentNoteFirst(
    page,
    "This section talks about relapse after recovery from drug or alcohol use.",
  );
  await expect(page.getByRole("region", { name: "Scenario" })).toHaveCount(0);
  await relapse.getByRole("button", { name: "Skip for now" }).click();

  // 4: content-noted; read after the note, with a check of several answers.
  await onSection(page, "Spotting burnout", "4 of 6");
  const burnout = await expectContentNoteFirst(
    page,
    "This section mentions drinking or using more as a sign of burnout.",
  );
  await burnout.getByRole("link", { name: "Continue to the section" }).click();
  await expect(page).toHaveURL(/\?shown=1$/);
  await expect(page.getByRole("region", { name: "Before you start: a content note" })).toHaveCount(0);
  await expect(page.getByRole("complementary", { name: "Content note" })).toBeVisible();
  await checkLearnerPage(page);
  await answer(
    page,
    /Which of these could be signs of burnout\?/,
    [
      "Dreading each session, even with people you like",
      "Feeling numb when someone shares something painful",
      "Going back to old ways of coping that you had left behind",
    ],
    {
      right: true,
      feedback: [
        "Yes. Dread that does not lift is a common early sign.",
        "Yes. Feeling numb can be the mind's way of protecting itself when it has had too much.",
        "Yes. This is an important sign. Please talk to someone you trust about it soon.",
      ],
    },
  );

  await next(page, "When you feel you cannot step away", "5 of 6");
  await checkLearnerPage(page);
  await answer(
    page,
    /You want to take two weeks off/,
    ["Plan a handover with your coordinator, tell people when you will be away, and take the full break."],
    {
      right: true,
      feedback: [
        "Yes. A planned handover keeps people safe and lets you rest. It also shows people that breaks are normal and healthy.",
      ],
    },
  );

  await next(page, "Bringing it together", "6 of 6");
  const together = await expectContentNoteFirst(page, "This summary mentions relapse.");
  await together.getByRole("link", { name: "Continue to the section" }).click();
  await expect(page.getByRole("complementary", { name: "Key takeaways" })).toBeVisible();
  await expect(page.getByRole("complementary", { name: "Support you can reach" })).toBeVisible();
  await checkLearnerPage(page);

  // Support and supervision, the second module. Its reflections are left blank: they never gate.
  await next(page, "Why support matters", "1 of 6");
  await checkLearnerPage(page);
  await next(page, "What good supervision looks like", "2 of 6");
  await checkLearnerPage(page);
  await answer(
    page,
    /Which of these are signs of good supervision\?/,
    [
      "It happens at a set time and is rarely cancelled.",
      "You can talk about how the work is affecting you, not only about tasks.",
      "Your supervisor follows up on what you agreed last time.",
    ],
    {
      right: true,
      feedback: [
        "Yes. Knowing it is coming helps you hold things until then.",
        "Yes. Your wellbeing is part of the work, so it belongs in supervision.",
        "Yes. Following up shows your needs are taken seriously.",
      ],
    },
  );

  // 3: a scenario, its responses' discussions revealed one at a time.
  await next(page, "Asking for it", "3 of 6");
  const scenario = page.getByRole("region", { name: "Scenario" });
  const discussion = scenario.getByText("This is clear and polite, and it explains why it matters.");
  await expect(discussion).toBeHidden();
  await checkLearnerPage(page);
  await scenario.getByText("You send a short message:").click();
  await expect(discussion).toBeVisible();
  await expect(scenario.getByText("It is kind to think of them.")).toBeHidden();

  await next(page, "Debriefing with peers", "4 of 6");
  await checkLearnerPage(page);
  await answer(
    page,
    /In a peer debrief, what should you leave out/,
    ["Names and details that could identify the person you support"],
    { right: true, feedback: ["Yes. You can talk about what happened and how it felt without saying who it was."] },
  );

  await next(page, "Shaping your own training", "5 of 6");
  await checkLearnerPage(page);
  await answer(
    page,
    /Why is it useful for peer supporters to help shape their own training\?/,
    ["Because peer supporters know the role best, so the training fits real life."],
    {
      right: true,
      feedback: ["Yes. Training made with the people it is for is more likely to cover what really matters."],
    },
  );

  await next(page, "Bringing it together", "6 of 6");
  await checkLearnerPage(page);
  await page.getByRole("navigation", { name: "Sections" }).getByRole("button", { name: "Finish" }).click();

  // The outline: complete, with the skipped section still marked so it can be come back to.
  await expect(page).toHaveURL(new RegExp(`/learn/e/${enrolmentId}\\?finished=1$`));
  await expect(page.getByRole("status")).toHaveText(`You completed this course on ${today()}. See your certificate.`);
  await expect(outline).toHaveText([
    new RegExp(`^${escaped(SELF_CARE.title)}\\s*Complete$`),
    new RegExp(`^${escaped(SUPERVISION.title)}\\s*Complete$`),
  ]);
  await expect(page.getByRole("listitem").filter({ hasText: /^When someone you support relapses/ })).toContainText(
    "Skipped for now: come back when you are ready",
  );
  await expect(page.getByRole("listitem").filter({ hasText: /^Spotting burnout/ })).toContainText("Done");
  await checkLearnerPage(page);

  // The certificate: who, what, which version, when; and it prints without the site around it.
  await page.getByRole("link", { name: "See your certificate" }).click();
  const certificate = page.getByRole("region", { name: "Certificate of completion" });
  await expect(certificate).toContainText(person.name);
  await expect(certificate).toContainText(COURSE.title);
  await expect(certificate).toContainText(`version 1, on ${today()}.`);
  await checkLearnerPage(page);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("banner")).toBeHidden();
  await expect(page.getByRole("contentinfo")).toBeHidden();
  await expect(page.getByRole("link", { name: "Back to the course" })).toBeHidden();
  await expect(certificate).toBeVisible();
  await expect(certificate.getByText(person.name)).toBeVisible();
  await page.emulateMedia({ media: "screen" });
  await expect(page.getByRole("banner")).toBeVisible();

  // My learning lists it as complete, with the certificate.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My learning" }).click();
  const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: COURSE.title }) });
  await expect(card).toContainText("Complete");
  await expect(card).toContainText("2 of 2 modules done");
  await expect(card.getByRole("link", { name: `Certificate for ${COURSE.title}` })).toBeVisible();
  await checkLearnerPage(page);

  // The reflection is in the learner's own journal.
  await page.getByRole("link", { name: "My reflection journal" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My reflection journal" })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: secret })).toContainText(COURSE.title);
  await checkLearnerPage(page);
  return enrolmentId;
}

test("a facilitator publishes two starter modules, once everyone working on them has signed off", async ({ page }) => {
  test.setTimeout(300_000);
  await signIn(page, DEMO.facilitator);
  published.modules.push(
    await publishStarterModule(page, {
      ...SELF_CARE,
      changelog: "First version, adapted from the starter module.",
      blockedBy: PRIYA,
    }),
  );
  published.modules.push(
    await publishStarterModule(page, { ...SUPERVISION, changelog: "First version, as the starter module has it." }),
  );
});

test("a trainer composes a course from them, orders it with the keyboard and publishes it", async ({ page }) => {
  test.setTimeout(240_000);
  expect(published.modules).toHaveLength(2);
  await signIn(page, DEMO.trainer);
  published.courseId = await createCourse(page, COURSE);
  await addModuleToCourse(page, SUPERVISION.title);
  await addModuleToCourse(page, SELF_CARE.title);
  await expect(courseOrder(page)).toHaveText([SUPERVISION.title, SELF_CARE.title]);
  await expect(page.getByRole("button", { name: `Move up ${SUPERVISION.title}` })).toBeDisabled();
  await expect(page.getByRole("button", { name: `Move down ${SELF_CARE.title}` })).toBeDisabled();

  // Ordering by keyboard: focus a module's button and press Enter (or Space).
  await page.getByRole("button", { name: `Move up ${SELF_CARE.title}` }).focus();
  await page.keyboard.press("Enter");
  await expect(courseOrder(page)).toHaveText([SELF_CARE.title, SUPERVISION.title]);
  await checkPage(page);
  await page.getByRole("button", { name: `Move down ${SELF_CARE.title}` }).focus();
  await page.keyboard.press("Space");
  await expect(courseOrder(page)).toHaveText([SUPERVISION.title, SELF_CARE.title]);
  await checkPage(page);
  await page.getByRole("button", { name: `Move down ${SUPERVISION.title}` }).focus();
  await page.keyboard.press("Enter");
  await expect(courseOrder(page)).toHaveText([SELF_CARE.title, SUPERVISION.title]);
  await checkPage(page);

  await publishCourse(page, "First version: looking after yourself, then support and supervision.");
  await expect(page.getByRole("heading", { level: 1, name: COURSE.title })).toBeVisible();

  // The course list shows it published and open to everyone.
  await page.getByRole("link", { name: "Back to courses" }).click();
  const listed = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: COURSE.title }) });
  await expect(listed).toContainText("Published");
  await expect(listed).toContainText("Version 1");
  await expect(listed).toContainText("Open to everyone");
  await expect(listed).toContainText("2 modules · 0 enrolled");
  await checkPage(page);

  // What learners will see before they start.
  await listed.getByRole("link", { name: COURSE.title }).click();
  await page.getByRole("link", { name: "See what learners see" }).click();
  await expect(page.getByRole("heading", { level: 1, name: COURSE.title })).toBeVisible();
  await expect(page.getByRole("heading", { level: 3 })).toHaveText([SELF_CARE.title, SUPERVISION.title]);
  await expect(page.getByRole("definition").filter({ hasText: /skip it for now/ })).toHaveText(
    "Substance use. Each section that does has a content note first, and you can skip it for now.",
  );
  await checkLearnerPage(page);
});

for (const javaScriptEnabled of [false, true]) {
  test(`a new learner ${javaScriptEnabled ? "with" : "without"} JavaScript takes the course to its certificate`, async ({
    newPage,
  }) => {
    test.setTimeout(480_000);
    expect(published.courseId).not.toBe("");
    const admin = await newPage({ javaScriptEnabled: true });
    await signIn(admin, DEMO.admin);
    const learner = await newPage({ javaScriptEnabled });
    const person = await joinAsLearner(admin, learner, javaScriptEnabled ? "Kit" : "Robin");
    const scripts: string[] = [];
    learner.on("request", (request) => {
      if (request.resourceType() === "script") scripts.push(request.url());
    });
    const secret = uniqueReflection();
    const enrolmentId = await takeTheCourse(learner, person, secret);
    // Server-rendered throughout: not one script file was asked for on the way.
    expect(scripts).toEqual([]);
    learners.push({ person, secret, enrolmentId, javaScriptEnabled });
  });
}

test("no page a trainer, a facilitator or an admin can open shows a learner's reflection", async ({ newPage }) => {
  test.setTimeout(360_000);
  expect(learners).toHaveLength(2);
  const secrets = learners.map((l) => l.secret);

  const trainer = await newPage();
  await signIn(trainer, DEMO.trainer);
  const trainerNav = trainer.getByRole("navigation", { name: "Main" });
  for (const label of await trainerNav.getByRole("link").allTextContents()) {
    const link = trainerNav.getByRole("link", { name: label, exact: true });
    await link.click();
    await expect(trainer).toHaveURL(new RegExp(`${escaped((await link.getAttribute("href")) ?? "")}$`));
    await expect(link).toHaveAttribute("aria-current", "page");
    await checkPage(trainer);
    await expectNoSecrets(trainer, secrets);
  }
  await trainerNav.getByRole("link", { name: "Courses" }).click();
  const listed = trainer.getByRole("listitem").filter({ has: trainer.getByRole("link", { name: COURSE.title }) });
  await expect(listed).toContainText("2 modules · 2 enrolled");
  await listed.getByRole("link", { name: COURSE.title }).click();
  await expect(trainer.getByRole("heading", { level: 1, name: COURSE.title })).toBeVisible();
  await expect(
    trainer.getByRole("region", { name: "Publish" }).getByRole("listitem").filter({ hasText: "Version 1" }),
  ).toContainText("2 enrolled");
  await checkPage(trainer);
  await expectNoSecrets(trainer, secrets);
  await trainer.getByRole("link", { name: "See what learners see" }).click();
  await expect(trainer.getByRole("heading", { level: 1, name: COURSE.title })).toBeVisible();
  await checkLearnerPage(trainer);
  await expectNoSecrets(trainer, secrets);

  const facilitator = await newPage();
  await signIn(facilitator, DEMO.facilitator);
  await expectNoSecrets(facilitator, secrets);
  for (const module of published.modules) {
    await facilitator.goto(`/workshop/${module.id}`);
    await expect(facilitator.getByRole("heading", { level: 1, name: module.title })).toBeVisible();
    await expect(facilitator.getByRole("textbox", { name: "Module content" })).toBeVisible();
    await checkPage(facilitator);
    await expectNoSecrets(facilitator, secrets);
    for (const tab of ["Review", "History", "Contributions", "Activity", "Details and people"]) {
      await goToModuleTab(facilitator, tab);
      await expectNoSecrets(facilitator, secrets);
    }
    await goToModuleTab(facilitator, "History");
    await facilitator.getByRole("link", { name: "Published as version 1" }).click();
    await expect(facilitator.getByRole("heading", { name: "Published as version 1" })).toBeVisible();
    await checkPage(facilitator);
    await expectNoSecrets(facilitator, secrets);
  }
  await facilitator.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Workshop" }).click();
  await expect(facilitator.getByRole("heading", { level: 1, name: "Workshop" })).toBeVisible();
  await checkPage(facilitator);
  await expectNoSecrets(facilitator, secrets);

  const admin = await newPage();
  await signIn(admin, DEMO.admin);
  const sections = admin.getByRole("navigation", { name: "Organisation" }).getByRole("link");
  for (const label of await sections.allTextContents()) {
    const link = sections.filter({ hasText: label });
    await link.click();
    await expect(admin).toHaveURL(new RegExp(`${escaped((await link.getAttribute("href")) ?? "")}$`));
    await expect(link).toHaveAttribute("aria-current", "page");
    await checkPage(admin);
    await expectNoSecrets(admin, secrets);
  }
  for (const { person } of learners) {
    await sections.filter({ hasText: "Members" }).click();
    await admin.getByRole("link", { name: `Change roles for ${person.name}` }).click();
    await expect(admin.getByRole("heading", { level: 2, name: person.name })).toBeVisible();
    await checkPage(admin);
    await expectNoSecrets(admin, secrets);
  }

  // The check can fail: the learner's own journal does show it.
  const learner = await newPage({ javaScriptEnabled: false });
  const [first] = learners;
  if (!first) throw new Error("no learner");
  await logIn(learner, first.person.email, first.person.password);
  await learner.goto("/learn/journal");
  await checkLearnerPage(learner);
  expect(await learner.content()).toContain(first.secret);
});

test("a learner exports, edits and deletes their journal entries, without JavaScript", async ({ newPage }) => {
  test.setTimeout(240_000);
  const first = learners.find((l) => !l.javaScriptEnabled);
  const other = learners.find((l) => l.javaScriptEnabled);
  if (!first || !other) throw new Error("both learners should have taken the course");
  const page = await newPage({ javaScriptEnabled: false });
  await logIn(page, first.person.email, first.person.password);
  await page.goto("/learn/journal");
  await expect(page.getByRole("heading", { level: 1, name: "My reflection journal" })).toBeVisible();
  await checkLearnerPage(page);
  const entries = page.getByRole("main").getByRole("listitem");
  await expect(entries).toHaveCount(1);
  await expect(entries).toContainText(first.secret);

  // Export: a file with the entry, and nobody else's.
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download my journal (a text file)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("my-reflection-journal.md");
  const file = fs.readFileSync(await download.path(), "utf8");
  expect(file).toContain("# My reflection journal");
  expect(file).toContain(first.secret);
  expect(file).toContain(COURSE.title);
  expect(file).not.toContain(other.secret);

  // Edit.
  const changed = uniqueReflection();
  await entries.getByRole("link", { name: /^Edit or delete the entry/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("When did you feel most drained?");
  await checkLearnerPage(page);
  await expect(page.getByLabel("Your entry")).toHaveValue(first.secret);
  await page.getByLabel("Your entry").fill(changed);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page).toHaveURL(/\/learn\/journal\?saved=1$/);
  await expect(page.getByRole("status")).toHaveText("Your entry is saved.");
  await expect(entries).toHaveCount(1);
  await expect(entries).toContainText(changed);
  await expect(entries).not.toContainText(first.secret);
  await checkLearnerPage(page);

  // Delete.
  await entries.getByRole("link", { name: /^Edit or delete the entry/ }).click();
  await expect(page.getByLabel("Your entry")).toHaveValue(changed);
  await checkLearnerPage(page);
  await page.getByRole("button", { name: "Delete this entry" }).click();
  await expect(page).toHaveURL(/\/learn\/journal\?deleted=1$/);
  await expect(page.getByRole("status")).toHaveText("That entry is deleted.");
  await expect(page.getByRole("heading", { name: "No entries yet" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Download my journal (a text file)" })).toHaveCount(0);
  await checkLearnerPage(page);
  expect(await page.content()).not.toContain(changed);
});
