/**
 * Bad input on the learner pages: forged ids, a module version the learner is not taking, double
 * submissions and a reflection over the length limit. Each is refused clearly (or does no harm) and
 * changes nothing the server stores. A facilitator and a trainer publish one course for the file;
 * every test has its own new learner, enrolled on it without JavaScript.
 */
import type { Browser, Page } from "@playwright/test";
import { checkPage } from "./support/accessibility";
import { expect, test } from "./support/fixtures";
import {
  addModuleToCourse,
  checkLearnerPage,
  createCourse,
  joinAsLearner,
  publishCourse,
  publishStarterModule,
  startOpenCourse,
  storedProgress,
  today,
} from "./support/learning";
import { DEMO, logIn, uniqueName } from "./support/people";
import { sharedServer } from "./support/shared-server";

// In order, in one worker, so the course is published once for the whole file.
test.describe.configure({ mode: "default" });

const MODULE = { starter: "Getting support and supervision", title: uniqueName("Asking for support") };
const COURSE = { title: uniqueName("Support basics"), description: "One module, about getting support." };

/** The supervision starter's checks, by section: question, right answers, one wrong answer. */
const CHECKS = {
  2: {
    question: /Which of these are signs of good supervision\?/,
    right: [
      "It happens at a set time and is rarely cancelled.",
      "You can talk about how the work is affecting you, not only about tasks.",
      "Your supervisor follows up on what you agreed last time.",
    ],
  },
  4: {
    question: /In a peer debrief, what should you leave out/,
    right: ["Names and details that could identify the person you support"],
  },
  5: {
    question: /Why is it useful for peer supporters to help shape their own training\?/,
    right: ["Because peer supporters know the role best, so the training fits real life."],
  },
} as const;

test.beforeAll(async ({ browser }) => {
  test.setTimeout(300_000);
  await asPerson(browser, DEMO.facilitator, (page) =>
    publishStarterModule(page, { ...MODULE, changelog: "First version, as the starter module has it." }),
  );
  await asPerson(browser, DEMO.trainer, async (page) => {
    await createCourse(page, COURSE);
    await addModuleToCourse(page, MODULE.title);
    await publishCourse(page, "First version.");
  });
});

async function asPerson(browser: Browser, email: string, act: (page: Page) => Promise<unknown>) {
  const context = await browser.newContext({ baseURL: sharedServer.baseURL });
  try {
    const page = await context.newPage();
    await logIn(page, email);
    await act(page);
  } finally {
    await context.close();
  }
}

type Learner = { page: Page; enrolmentId: string; moduleVersionId: string; section: (n: number | string) => string };

/** A new learner, without JavaScript, enrolled on the course and on its outline. */
async function newLearner(newPage: (options?: { javaScriptEnabled?: boolean }) => Promise<Page>): Promise<Learner> {
  const admin = await newPage({ javaScriptEnabled: true });
  await logIn(admin, DEMO.admin);
  const page = await newPage({ javaScriptEnabled: false });
  await joinAsLearner(admin, page, "Sasha");
  const enrolmentId = await startOpenCourse(page, COURSE.title);
  const first = await page.getByRole("link", { name: "Continue where you left off" }).getAttribute("href");
  const match = /\/m\/([A-Za-z0-9_-]{22})\/s\/1$/.exec(first ?? "");
  if (!match?.[1]) throw new Error(`Unexpected first section link: ${first}`);
  const moduleVersionId = match[1];
  return {
    page,
    enrolmentId,
    moduleVersionId,
    section: (n) => `/learn/e/${enrolmentId}/m/${moduleVersionId}/s/${n}`,
  };
}

/** A form POST as the learner's browser would send it: their session cookie, and our own Origin. */
function post(page: Page, path: string, form: Record<string, string | string[]>) {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(form)) {
    for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
  }
  return page.request.post(path, {
    data: body.toString(),
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: sharedServer.baseURL },
    maxRedirects: 0,
  });
}

/** The check's id and each option's id, by option text, as the section page carries them. */
async function checkIds(page: Page, question: RegExp) {
  const block = page.getByRole("region", { name: question });
  const checkId = (await block.locator('input[name="checkId"]').getAttribute("value")) ?? "";
  const options = new Map<string, string>();
  for (const input of await block.getByRole("group").locator('input[name="option"]').all()) {
    const id = (await input.getAttribute("id")) ?? "";
    const label = (await block.locator(`label[for="${id}"]`).textContent()) ?? "";
    options.set(label.trim(), (await input.getAttribute("value")) ?? "");
  }
  expect(checkId).toMatch(/^[A-Za-z0-9_-]+$/);
  expect(options.size).toBeGreaterThanOrEqual(3);
  return { checkId, options };
}

async function openSection(page: Page, path: string, title: string) {
  const response = await page.goto(path);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await checkLearnerPage(page);
}

test("a forged answer option or check id is refused with a clear message, and records nothing", async ({ newPage }) => {
  test.setTimeout(240_000);
  const learner = await newLearner(newPage);
  const { page } = learner;
  await openSection(page, learner.section(2), "What good supervision looks like");
  const supervision = await checkIds(page, CHECKS[2].question);
  await openSection(page, learner.section(4), "Debriefing with peers");
  const debrief = await checkIds(page, CHECKS[4].question);
  const before = storedProgress(sharedServer.databasePath, learner.enrolmentId);

  const refusals: { form: Record<string, string | string[]>; message: string }[] = [
    // An option id that is not one of this check's.
    {
      form: { intent: "answer", checkId: debrief.checkId, option: "forged-option" },
      message: "That answer did not match this question. Choose from the answers shown.",
    },
    // Another check's option.
    {
      form: { intent: "answer", checkId: debrief.checkId, option: [...supervision.options.values()][0] ?? "" },
      message: "That answer did not match this question. Choose from the answers shown.",
    },
    // Two answers to a single-choice question.
    {
      form: { intent: "answer", checkId: debrief.checkId, option: [...debrief.options.values()].slice(0, 2) },
      message: "That answer did not match this question. Choose from the answers shown.",
    },
    // A check id that does not exist, and one from another section.
    {
      form: { intent: "answer", checkId: "forged-check", option: [...debrief.options.values()][0] ?? "" },
      message: "That question is not part of this section.",
    },
    {
      form: { intent: "answer", checkId: supervision.checkId, option: [...supervision.options.values()][0] ?? "" },
      message: "That question is not part of this section.",
    },
    // Not an id at all.
    { form: { intent: "answer", checkId: "<b>", option: "x" }, message: "That answer did not match this question." },
    // No answer chosen.
    { form: { intent: "answer", checkId: debrief.checkId }, message: "Choose an answer first." },
  ];
  for (const { form, message } of refusals) {
    const response = await post(page, learner.section(4), form);
    expect(response.status(), JSON.stringify(form)).toBe(400);
    // The section again, with the message.
    const html = await response.text();
    expect(html, JSON.stringify(form)).toContain(message);
    expect(html).toContain("<h1>Debriefing with peers</h1>");
  }
  expect(storedProgress(sharedServer.databasePath, learner.enrolmentId)).toEqual(before);
  expect(before.events).toBe(0);

  // In the browser: the section shows no verdict, and the outline no progress.
  await openSection(page, learner.section(4), "Debriefing with peers");
  await expect(page.getByRole("region", { name: CHECKS[4].question }).getByRole("status")).toHaveCount(0);
  await page.getByRole("link", { name: /course outline$/ }).click();
  await expect(page.getByRole("heading", { level: 2, name: MODULE.title })).toContainText("Not started");
  await expect(page.getByText(/· Done/)).toHaveCount(0);
  await checkLearnerPage(page);
});

test("a section that does not exist, or a module version of another course, is not found and records nothing", async ({
  newPage,
}) => {
  test.setTimeout(240_000);
  const learner = await newLearner(newPage);
  const { page } = learner;

  // Another open course the learner also takes: its module version is not part of this enrolment.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My learning" }).click();
  await checkLearnerPage(page);
  const other = page.getByRole("region", { name: "Open to everyone" }).getByRole("link").first();
  const otherTitle = ((await other.textContent()) ?? "").trim();
  expect(otherTitle).not.toBe(COURSE.title);
  const otherEnrolment = await startOpenCourse(page, otherTitle);
  const otherFirst = (await page.getByRole("link", { name: "Continue where you left off" }).getAttribute("href")) ?? "";
  const foreignVersion = /\/m\/([A-Za-z0-9_-]{22})\/s\/1$/.exec(otherFirst)?.[1] ?? "";
  expect(foreignVersion).toMatch(/^[A-Za-z0-9_-]{22}$/);
  expect(foreignVersion).not.toBe(learner.moduleVersionId);
  const foreignSection = `/learn/e/${learner.enrolmentId}/m/${foreignVersion}/s/1`;
  const before = storedProgress(sharedServer.databasePath, learner.enrolmentId);
  const otherBefore = storedProgress(sharedServer.databasePath, otherEnrolment);

  for (const path of [
    learner.section(7),
    learner.section(99),
    learner.section(0),
    learner.section("one"),
    foreignSection,
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "We could not find that page" })).toBeVisible();
    await checkPage(page);
  }

  for (const [path, form] of [
    [learner.section(99), { intent: "next" }],
    [learner.section(99), { intent: "skip" }],
    [foreignSection, { intent: "next" }],
    [foreignSection, { intent: "skip" }],
    [foreignSection, { intent: "answer", checkId: "check-1", option: "check-1-a" }],
    [foreignSection, { intent: "reflect", promptId: "reflection-1", body: "Not mine to write here." }],
  ] as const) {
    const response = await post(page, path, form);
    expect([400, 404], `${form.intent} to ${path}`).toContain(response.status());
    expect(response.headers().location, `${form.intent} to ${path}`).toBeUndefined();
  }
  expect(storedProgress(sharedServer.databasePath, learner.enrolmentId)).toEqual(before);
  expect(storedProgress(sharedServer.databasePath, otherEnrolment)).toEqual(otherBefore);
  expect(before.events).toBe(0);
});

test("skipping a section with no content note is refused with a plain reason, and records nothing", async ({
  newPage,
}) => {
  test.setTimeout(300_000);
  const learner = await newLearner(newPage);
  const { page } = learner;
  const before = storedProgress(sharedServer.databasePath, learner.enrolmentId);

  // No page offers "Skip for now" here; a forged form is answered 400, on the section page itself.
  await page.goto(learner.section(1));
  await expect(page.getByRole("button", { name: "Skip for now" })).toHaveCount(0);
  await checkPage(page);
  for (const n of [1, 2, 3]) {
    const response = await post(page, learner.section(n), { intent: "skip" });
    expect(response.status(), `skip on section ${n}`).toBe(400);
    expect(response.headers().location).toBeUndefined();
    expect(await response.text()).toContain("This section has no content note, so there is nothing to skip.");
  }
  expect(storedProgress(sharedServer.databasePath, learner.enrolmentId)).toEqual(before);
  expect(before.events).toBe(0);

  // The course still goes on as usual from where the learner is.
  await page.goto(learner.section(1));
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page).toHaveURL(learner.section(2));
  await checkPage(page);
  await checkLearnerPage(page);
});

test("a double submission of Next, an answer or Finish does no harm", async ({ newPage }) => {
  test.setTimeout(300_000);
  const learner = await newLearner(newPage);
  const { page } = learner;
  const { databasePath } = sharedServer;

  // Next, twice: both land on section 2, and section 1 is simply done.
  for (let i = 0; i < 2; i++) {
    const response = await post(page, learner.section(1), { intent: "next" });
    expect(response.status()).toBe(302);
    expect(response.headers().location).toBe(learner.section(2));
  }
  const afterNext = storedProgress(databasePath, learner.enrolmentId);
  expect(afterNext).toMatchObject({ viewed: 2, moduleCompletedEvents: 0, courseCompletions: 0 });

  // The rest of the course through its pages, each right answer sent twice.
  for (const [n, title] of [
    [2, "What good supervision looks like"],
    [3, "Asking for it"],
    [4, "Debriefing with peers"],
    [5, "Shaping your own training"],
    [6, "Bringing it together"],
  ] as const) {
    await openSection(page, learner.section(n), title);
    if (n === 2 || n === 4 || n === 5) {
      const { checkId, options } = await checkIds(page, CHECKS[n].question);
      const right = CHECKS[n].right.map((label) => options.get(label) ?? "");
      for (let i = 0; i < 2; i++) {
        const response = await post(page, learner.section(n), { intent: "answer", checkId, option: right });
        expect(response.status()).toBe(302);
      }
      await page.reload();
      await expect(page.getByRole("region", { name: CHECKS[n].question }).getByRole("status")).toContainText(
        "That's right.",
      );
      await checkLearnerPage(page);
    }
    if (n < 6) {
      await page.getByRole("navigation", { name: "Sections" }).getByRole("button", { name: "Next" }).click();
      await expect(page.getByRole("heading", { level: 1 })).not.toHaveText(title);
    }
  }

  // Finish, twice: one module completion, one course completion, one event of each.
  for (let i = 0; i < 2; i++) {
    const response = await post(page, learner.section(6), { intent: "next" });
    expect(response.status()).toBe(302);
    expect(response.headers().location).toBe(`/learn/e/${learner.enrolmentId}?finished=1`);
  }
  const done = storedProgress(databasePath, learner.enrolmentId);
  expect(done).toMatchObject({
    courseCompletions: 1,
    moduleCompletedEvents: 1,
    courseCompletedEvents: 1,
    answered: 6,
  });
  await page.goto(`/learn/e/${learner.enrolmentId}`);
  await expect(page.getByRole("status")).toHaveText(`You completed this course on ${today()}. See your certificate.`);
  await expect(page.getByText("· Done")).toHaveCount(6);
  await checkLearnerPage(page);

  // Once more after completion: still one of each.
  await post(page, learner.section(6), { intent: "next" });
  expect(storedProgress(databasePath, learner.enrolmentId)).toMatchObject({
    courseCompletions: 1,
    moduleCompletedEvents: 1,
    courseCompletedEvents: 1,
  });
});

test("a reflection over 5,000 characters is refused clearly, keeps what was typed, and saves nothing", async ({
  newPage,
}) => {
  test.setTimeout(240_000);
  const learner = await newLearner(newPage);
  const { page } = learner;
  await openSection(page, learner.section(1), "Why support matters");
  const reflection = page.getByRole("textbox", { name: /Where do you take the hard parts of your role/ });
  const tooLong = `${"I carry it home. ".repeat(294)}Enough.`;
  expect(tooLong.trim().length).toBe(5_005);
  await reflection.fill(tooLong);
  await page.getByRole("button", { name: "Save to my journal" }).click();

  const message = "Keep a journal entry to 5,000 characters. This one has 5,005; you could split it into two.";
  await expect(page.getByText(message)).toBeVisible();
  await expect(reflection).toHaveAttribute("aria-invalid", "true");
  await expect(reflection).toHaveAccessibleDescription(new RegExp(message.replace(/[.,;]/g, "\\$&")));
  await expect(reflection).toHaveValue(tooLong);
  await expect(page.getByRole("status").filter({ hasText: "Saved to your journal" })).toHaveCount(0);
  await checkLearnerPage(page);
  expect(storedProgress(sharedServer.databasePath, learner.enrolmentId).reflections).toBe(0);

  // Sent directly, the same: 400, nothing saved.
  const direct = await post(page, learner.section(1), { intent: "reflect", promptId: "reflection-1", body: tooLong });
  expect(direct.status()).toBe(400);
  expect(storedProgress(sharedServer.databasePath, learner.enrolmentId).reflections).toBe(0);

  // The journal is still empty.
  await page.goto("/learn/journal");
  await expect(page.getByRole("heading", { name: "No entries yet" })).toBeVisible();
  await checkLearnerPage(page);

  // Exactly 5,000 is kept.
  await openSection(page, learner.section(1), "Why support matters");
  const longest = tooLong.slice(0, 5_000);
  await reflection.fill(longest);
  await page.getByRole("button", { name: "Save to my journal" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved to your journal" })).toBeVisible();
  await expect(reflection).toHaveValue(longest.trim());
  await checkLearnerPage(page);
  expect(storedProgress(sharedServer.databasePath, learner.enrolmentId).reflections).toBe(1);
});
