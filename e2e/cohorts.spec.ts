/**
 * Cohorts: a trainer makes a group, names who facilitates it, adds learners (from the organisation,
 * through a link, from a CSV file), gives it training with a due date, and follows the group's
 * progress on a dashboard and in its exports (CSV and xAPI). Learners see what they were given, by
 * when, and who facilitates. Other organisations and learners cannot open any of it, and bad input
 * gets a clear message with nothing half-done. Each test makes its own cohort, people and courses.
 */
import { randomBytes } from "node:crypto";
import type { Locator, Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { actorName } from "../modules/xapi/ids";
import { checkPage } from "./support/accessibility";
import {
  addFacilitator,
  addFromOrganisation,
  assignmentCard,
  assignmentIdOn,
  assignTraining,
  BOUNDARIES,
  BOUNDARIES_SECTIONS,
  courseCard,
  createCohort,
  createCohortLink,
  csvSection,
  DEMO_COURSE,
  download,
  escaped,
  goToCohortTab,
  learnerList,
  londonDay,
  longDate,
  matrixNames,
  matrixRow,
  newPerson,
  openAssignedCourse,
  openCohort,
  openCohorts,
  previewCsv,
  previewRow,
  setAssignmentDueDate,
  signUpThroughLink,
  startBoundaries,
  storedAssignments,
  submitNewCohort,
  takeBoundaries,
} from "./support/cohorts";
import { expect, test } from "./support/fixtures";
import {
  addModuleToCourse,
  checkLearnerPage,
  courseOrder,
  joinAsLearner,
  publishCourse,
  publishStarterModule,
  today,
} from "./support/learning";
import { linkIn, mailTo, waitForMail } from "./support/mailbox";
import { DEMO, signUpOrganisation, uniqueName } from "./support/people";
import { signIn } from "./support/sessions";
import { sharedServer } from "./support/shared-server";

const NOT_FOUND = "We could not find that page";
const FORBIDDEN = "This page is not part of your role";
const FACILITATOR = "Fran Mills";

/** A reflection no page could contain by chance. */
function uniqueReflection() {
  return `Saying no to Jo felt like abandoning them, ${randomBytes(8).toString("hex")}.`;
}

type Statement = {
  id: string;
  actor: Record<string, unknown> & { objectType: string; account: { homePage: string; name: string } };
  verb: { id: string };
  object: {
    id: string;
    definition: {
      name: Record<string, string>;
      description?: Record<string, string>;
      type: string;
      choices?: { id: string; description: Record<string, string> }[];
      correctResponsesPattern?: string[];
    };
  };
  result?: { completion?: boolean; success?: boolean; response?: string };
  timestamp: string;
  version: string;
};

/** The learner's id, from their link in the progress matrix. */
async function userIdIn(page: Page, name: string): Promise<string> {
  const href = (await matrixRow(page, name).getByRole("link", { name, exact: true }).getAttribute("href")) ?? "";
  const id = /\/learners\/([A-Za-z0-9_-]{22})$/.exec(href)?.[1];
  if (!id) throw new Error(`Unexpected learner link: ${href}`);
  return id;
}

const SHOW = {
  Everyone: "",
  "Not started": "not_started",
  "In progress": "in_progress",
  Complete: "complete",
  "Past due date": "past_due",
} as const;
const SORT = { Name: "name", Progress: "progress", "Last activity": "activity" } as const;

/** Applies the dashboard's "Filter and sort learners" form, and waits for the address it leads to. */
async function filterDashboard(
  page: Page,
  options: { show?: keyof typeof SHOW; name?: string; sort?: keyof typeof SORT },
) {
  const show = options.show ?? "Everyone";
  const sort = options.sort ?? "Name";
  const form = page.getByRole("form", { name: "Filter and sort learners" });
  await form.getByLabel("Show").selectOption({ label: show });
  await form.getByLabel("Name", { exact: true }).fill(options.name ?? "");
  await form.getByLabel("Sort by").selectOption({ label: sort });
  await form.getByRole("button", { name: "Apply" }).click();
  const query = new URLSearchParams({ status: SHOW[show], q: options.name ?? "", sort: SORT[sort] });
  await expect(page).toHaveURL(
    new RegExp(`/cohorts/[A-Za-z0-9_-]{22}\\?assignment=[A-Za-z0-9_-]{22}&${escaped(query.toString())}$`),
  );
}

/** Red-dominated colours are the app's alarm colours (its errors are #8a2c2c on #fbeeee). */
async function expectNoAlarmColours(locator: Locator) {
  const colours = await locator.evaluate((element) => {
    const style = getComputedStyle(element);
    return [style.color, style.backgroundColor, style.borderTopColor];
  });
  for (const colour of colours) {
    const [r = 0, g = 0, b = 0, alpha = 1] = (colour.match(/[\d.]+/g) ?? []).map(Number);
    const alarming = alpha > 0 && r - Math.max(g, b) > 40;
    expect(alarming, `${colour} is an alarm colour`).toBe(false);
  }
}

/** A form POST as a browser would send it from the app: the person's cookies and our own Origin. */
function post(page: Page, path: string, form: Record<string, string>) {
  return page.request.post(path, { form, headers: { Origin: sharedServer.baseURL }, maxRedirects: 0 });
}

test("a trainer creates a cohort, imports a CSV with one bad row, assigns a course, and its completion reaches the dashboard and both exports", async ({
  page,
  newPage,
}) => {
  test.setTimeout(360_000);
  const cohort = {
    name: uniqueName("Spring cohort"),
    description: "For new peer supporters in the north. Sessions are online.",
    startsOn: londonDay(0),
    endsOn: londonDay(90),
  };
  const bio = `Peer supporter for six years; she/her. ${randomBytes(3).toString("hex")}`;
  const dueOn = londonDay(60);

  // Someone already in the organisation, and someone new.
  const admin = await newPage();
  await signIn(admin, DEMO.admin);
  const memberPage = await newPage();
  const member = await joinAsLearner(admin, memberPage, "Dana");
  const newcomer = newPerson("Eli");

  await signIn(page, DEMO.trainer);
  const cohortId = await createCohort(page, cohort);
  await expect(page.getByText(`${longDate(cohort.startsOn)} to ${longDate(cohort.endsOn)}`)).toBeVisible();
  await addFacilitator(page, FACILITATOR, bio);

  // The CSV: the member (their email in capitals), the newcomer, and a row with a broken email.
  await goToCohortTab(page, "Learners");
  await previewCsv(
    page,
    "learners.csv",
    [
      "Name,Email",
      `${member.name},${member.email.toUpperCase()}`,
      `"${newcomer.name}",${newcomer.email}`,
      "Pat Quinn,pat at example dot org",
    ].join("\r\n"),
  );
  const preview = csvSection(page).getByRole("table", { name: /^Preview:/ });
  await expect(preview).toBeVisible();
  await expect(preview.locator("caption")).toHaveText("Preview: 2 ready to add, 1 with a problem");
  await expect(previewRow(page, 2)).toContainText(member.email);
  await expect(previewRow(page, 2)).toContainText("Ready");
  await expect(previewRow(page, 3)).toContainText(newcomer.name);
  await expect(previewRow(page, 3)).toContainText("Ready");
  await expect(previewRow(page, 4)).toContainText("Pat Quinn");
  await expect(previewRow(page, 4)).toContainText("Enter an email address like name@example.org.");
  // Nothing is added before the trainer says so.
  await expect(page.getByRole("heading", { level: 2, name: "0 learners" })).toBeVisible();
  await checkPage(page);

  await csvSection(page).getByRole("button", { name: "Add 2 learners" }).click();
  const imported = csvSection(page).getByRole("status");
  await expect(imported).toContainText("Added 1; invited 1.");
  // The newcomer's personal link is emailed to them, not listed on the page.
  await expect(imported).toContainText("The new person has been emailed their own invitation.");
  await expect(imported).not.toContainText("/join/");
  const personalLink = linkIn(await waitForMail(newcomer.email, /You are invited/), `${sharedServer.baseURL}/join/`);
  expect(personalLink).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/join\/[A-Za-z0-9_-]{20,}$/);
  // The member joined at once; the newcomer waits for their link; the bad row went nowhere.
  await expect(page.getByRole("heading", { level: 2, name: "1 learner" })).toBeVisible();
  await expect(learnerList(page).getByRole("link", { name: member.name, exact: true })).toBeVisible();
  const waiting = page.getByRole("heading", { level: 3, name: "Invited, not joined yet" });
  await expect(waiting).toBeVisible();
  await expect(learnerList(page)).toContainText(newcomer.name);
  await expect(page.getByRole("main")).not.toContainText("pat at example");
  await checkPage(page);

  await assignTraining(page, { label: `${DEMO_COURSE} (version 1)`, title: DEMO_COURSE, dueOn });

  // The member sees it in My learning: when it is due, and who facilitates.
  await memberPage.reload();
  await expect(memberPage.getByRole("heading", { level: 1, name: "My learning" })).toBeVisible();
  const memberCard = courseCard(memberPage, DEMO_COURSE);
  await expect(memberCard).toContainText(`Due ${longDate(dueOn)}`);
  await expect(memberCard).toContainText(`With your group, ${cohort.name}, facilitated by:`);
  await expect(memberCard.getByRole("listitem")).toHaveText(`${FACILITATOR}: ${bio}`);
  await checkLearnerPage(memberPage);

  // Someone else with the newcomer's link cannot join as them.
  const impostor = await newPage();
  await impostor.goto(personalLink ?? "");
  await expect(impostor.getByRole("heading", { level: 1, name: `Join ${DEMO.organisation}` })).toBeVisible();
  await checkPage(impostor);
  await impostor.getByLabel("Your name").fill(newcomer.name);
  await impostor.getByLabel("Email", { exact: true }).fill(newPerson("Mal").email);
  await impostor.getByLabel("Password", { exact: true }).fill(newcomer.password);
  await impostor.getByRole("button", { name: "Create account and join" }).click();
  await expect(impostor.getByRole("alert")).toContainText("This invitation was made for one person");
  await checkPage(impostor);
  await goToCohortTab(page, "Learners");
  await expect(page.getByRole("heading", { level: 2, name: "1 learner" })).toBeVisible();
  await expect(waiting).toBeVisible();

  // The newcomer opens their personal link, signs up, and is in the cohort with the course.
  const learner = await newPage();
  await signUpThroughLink(learner, personalLink ?? "", newcomer, DEMO.organisation);
  const notice = learner.getByRole("region", { name: "New for you" }).getByRole("listitem").first();
  await expect(notice).toContainText(`New training for you: ${DEMO_COURSE}`);
  await expect(notice).toContainText(`Please finish it by ${longDate(dueOn)}.`);
  const card = courseCard(learner, DEMO_COURSE);
  await expect(card).toContainText("Not started");
  await expect(card).toContainText(`Due ${longDate(dueOn)}`);
  await expect(card).toContainText(`With your group, ${cohort.name}, facilitated by:`);
  await expect(card.getByRole("listitem")).toHaveText(`${FACILITATOR}: ${bio}`);

  await goToCohortTab(page, "Learners");
  await expect(page.getByRole("heading", { level: 2, name: "2 learners" })).toBeVisible();
  await expect(learnerList(page).getByRole("link", { name: newcomer.name, exact: true })).toBeVisible();
  await expect(waiting).toHaveCount(0);

  // The newcomer takes the course to the end.
  const dayBefore = londonDay(0);
  await openAssignedCourse(learner, DEMO_COURSE);
  await takeBoundaries(learner);
  const dayAfter = londonDay(0);
  await expect(learner).toHaveURL(/\/learn\/e\/[A-Za-z0-9_-]{22}\?finished=1$/);
  await expect(learner.getByRole("status")).toHaveText(
    `You completed this course on ${today()}. See your certificate.`,
  );
  await learner.getByRole("link", { name: "Back to my learning" }).click();
  await expect(courseCard(learner, DEMO_COURSE)).toContainText("Complete");
  await expect(courseCard(learner, DEMO_COURSE)).toContainText("1 of 1 module done");
  await checkLearnerPage(learner);

  // The cohort list tells the trainer something happened since their last visit.
  await openCohorts(page);
  const listed = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: cohort.name }) });
  await expect(listed).toContainText("2 learners · 1 assignment");
  await expect(listed).toContainText("1 completion since your last visit");
  await listed.getByRole("link", { name: cohort.name }).click();
  await expect(page).toHaveURL(new RegExp(`/cohorts/${cohortId}$`));
  await expect(page.getByRole("heading", { level: 1, name: cohort.name })).toBeVisible();
  await checkPage(page);

  // The dashboard: summary, matrix, and the chart with its table.
  const summary = page.getByRole("region", { name: new RegExp(`^${escaped(DEMO_COURSE)}`) });
  await expect(summary.getByRole("heading", { level: 2 })).toHaveText(`${DEMO_COURSE} Version 1`);
  await expect(summary).toContainText(`1 of 2 learners complete (50%) · due ${longDate(dueOn)}.`);
  await expect(summary).toContainText("1 learner has completed since your last visit.");
  await expect(page.getByRole("table", { name: "Progress of 2 learners on each module" })).toBeVisible();
  await expect(page.getByRole("columnheader")).toHaveText(["Learner", BOUNDARIES, "Course"]);
  await expect(matrixRow(page, newcomer.name).getByRole("cell")).toHaveText(["Complete", `Complete, ${today()}`]);
  await expect(matrixRow(page, member.name).getByRole("cell")).toHaveText(["Not started", "0 of 1"]);
  const chart = page.getByRole("region", { name: "Completion over time" });
  await expect(chart.getByRole("img", { name: "Completion rate over time" })).toBeVisible();
  // Everything happened today: the one day's level is still drawn, across the chart.
  const line = await chart.getByRole("img", { name: "Completion rate over time" }).locator("path").boundingBox();
  expect(line?.width ?? 0).toBeGreaterThan(200);
  const finished = `1 of 2 learners (50%) had completed by ${today()}`;
  await expect(chart.locator("figcaption")).toContainText(finished);
  await expect(chart.locator("svg desc")).toContainText(finished);
  const numbers = chart.getByRole("table", { name: "Learners complete at the end of each day" });
  await expect(numbers).toBeHidden();
  await chart.getByText("Show the numbers as a table").click();
  await expect(numbers).toBeVisible();
  await expect(numbers.getByRole("row").last().getByRole("cell")).toHaveText([today(), "1", "50%"]);
  await checkPage(page);

  await summary.getByRole("button", { name: "Mark as seen" }).click();
  await expect(summary).toContainText("No new completions since your last visit.");
  await checkPage(page);
  await page.getByRole("link", { name: "Back to cohorts" }).click();
  await expect(listed).toContainText("2 learners · 1 assignment");
  await expect(listed).not.toContainText("since your last visit");
  await checkPage(page);
  await listed.getByRole("link", { name: cohort.name }).click();
  await expect(summary).toBeVisible();
  await checkPage(page);

  // The CSV export holds the completion.
  const csv = await download(page, page.getByRole("link", { name: "Download progress (CSV)" }));
  expect(csv.name).toMatch(/-progress\.csv$/);
  // UTF-8 with a byte order mark, so that Excel does not garble accented names.
  expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const rows = parse(csv.text, { bom: true, columns: true, skip_empty_lines: true }) as Record<string, string>[];
  expect(Object.keys(rows[0] ?? {})).toEqual(["Learner", "Email", BOUNDARIES, "Course completed on", "Past due date"]);
  expect(rows).toHaveLength(2);
  const completed = rows.find((r) => r.Learner === newcomer.name);
  expect(completed).toMatchObject({ Email: newcomer.email, [BOUNDARIES]: "Complete", "Past due date": "No" });
  expect([dayBefore, dayAfter]).toContain(completed?.["Course completed on"]);
  expect(rows.find((r) => r.Learner === member.name)).toMatchObject({
    [BOUNDARIES]: "Not started",
    "Course completed on": "",
  });

  // The xAPI statements: the learner by an opaque account, with the standard "completed" verb.
  const newcomerId = await userIdIn(page, newcomer.name);
  const memberId = await userIdIn(page, member.name);
  const xapi = await download(page, page.getByRole("link", { name: "Download xAPI statements (JSON)" }));
  expect(xapi.name).toMatch(/-xapi\.json$/);
  for (const personal of [newcomer.email, newcomer.name, member.email, member.name, newcomerId, memberId]) {
    expect(xapi.text).not.toContain(personal);
  }
  const statements = JSON.parse(xapi.text) as Statement[];
  const account = actorName(newcomerId, sharedServer.sessionSecret());
  const theirs = statements.filter((s) => s.actor.account.name === account);
  expect(theirs.length).toBeGreaterThan(0);
  expect(statements.filter((s) => s.actor.account.name === actorName(memberId, sharedServer.sessionSecret()))).toEqual(
    [],
  );
  for (const statement of statements) {
    expect(statement.actor).toEqual({
      objectType: "Agent",
      account: { homePage: sharedServer.baseURL, name: expect.stringMatching(/^[0-9a-f]{64}$/) },
    });
    expect(statement.version).toBe("1.0.3");
    expect(statement.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Number.isNaN(Date.parse(statement.timestamp))).toBe(false);
  }
  const verbs = new Set(theirs.map((s) => s.verb.id));
  expect(verbs).toContain("http://adlnet.gov/expapi/verbs/completed");
  expect(verbs).toContain("http://adlnet.gov/expapi/verbs/experienced");
  expect(verbs).toContain("http://adlnet.gov/expapi/verbs/answered");
  // An answer names the check's options as the learner read them, and the right answer reads as the pattern.
  const answers = theirs.filter((s) => s.verb.id === "http://adlnet.gov/expapi/verbs/answered");
  const friendRequest = answers.find((s) => s.object.definition.description?.["en-GB"]?.includes("friend request"));
  expect(friendRequest?.object.definition.choices?.map((c) => [c.id, c.description["en-GB"]])).toEqual([
    ["check-2-a", "Accept it. Saying no would hurt their feelings."],
    ["check-2-b", "Do not accept it, and explain kindly next time you talk, using your organisation's guidance."],
    ["check-2-c", "Block them straight away without saying anything."],
  ]);
  expect(friendRequest?.object.definition.correctResponsesPattern).toEqual(["check-2-b"]);
  expect(friendRequest?.result).toEqual({ success: true, response: "check-2-b" });
  const courseCompleted = theirs.filter(
    (s) =>
      s.verb.id === "http://adlnet.gov/expapi/verbs/completed" &&
      s.object.definition.type === "http://adlnet.gov/expapi/activities/course",
  );
  expect(courseCompleted).toHaveLength(1);
  expect(courseCompleted[0]?.object.definition.name["en-GB"]).toBe(DEMO_COURSE);
  expect(courseCompleted[0]?.result?.completion).toBe(true);
  const moduleCompleted = theirs.filter(
    (s) =>
      s.verb.id === "http://adlnet.gov/expapi/verbs/completed" &&
      s.object.definition.type === "http://adlnet.gov/expapi/activities/module",
  );
  expect(moduleCompleted.map((s) => s.object.definition.name["en-GB"])).toEqual([BOUNDARIES]);
});

test("learners join a cohort from the organisation's members and through the cohort's link, and a removed learner leaves the dashboard", async ({
  page,
  newPage,
}) => {
  test.setTimeout(240_000);
  const cohortName = uniqueName("Evening group");
  const admin = await newPage();
  await signIn(admin, DEMO.admin);
  const memberPage = await newPage();
  const member = await joinAsLearner(admin, memberPage, "Fay");

  await signIn(page, DEMO.trainer);
  await createCohort(page, { name: cohortName, startsOn: londonDay(7) });
  await assignTraining(page, { label: `${DEMO_COURSE} (version 1)`, title: DEMO_COURSE });

  // From the organisation's members.
  await goToCohortTab(page, "Learners");
  await addFromOrganisation(page, member.name);
  await expect(page.getByRole("heading", { level: 2, name: "1 learner" })).toBeVisible();
  await expect(
    page.getByRole("region", { name: "Add from your organisation" }).getByRole("option", { name: member.name }),
  ).toHaveCount(0);
  await memberPage.reload();
  await expect(courseCard(memberPage, DEMO_COURSE)).toContainText(`With your group, ${cohortName}.`);
  await expect(courseCard(memberPage, DEMO_COURSE)).not.toContainText("Due ");
  await checkLearnerPage(memberPage);

  // Through the cohort's invitation link: a new person joins the organisation as a learner, and the cohort.
  const link = await createCohortLink(page);
  const joiner = newPerson("Gus");
  const joinerPage = await newPage();
  await signUpThroughLink(joinerPage, link, joiner, DEMO.organisation);
  await expect(
    joinerPage.getByRole("region", { name: "New for you" }).getByRole("listitem").filter({ hasText: DEMO_COURSE }),
  ).toContainText("There is no due date: go at your own pace.");
  await expect(courseCard(joinerPage, DEMO_COURSE)).toContainText("Not started");
  await expect(courseCard(joinerPage, DEMO_COURSE)).toContainText(`With your group, ${cohortName}.`);
  await expect(joinerPage.getByRole("navigation", { name: "Main" }).getByRole("link")).toHaveText(["My learning"]);

  await admin.getByRole("navigation", { name: "Organisation" }).getByRole("link", { name: "Members" }).click();
  await expect(admin).toHaveURL(/\/organisation$/);
  await expect(admin.getByRole("row").filter({ hasText: joiner.email }).getByRole("cell").nth(2)).toHaveText("Learner");
  await checkPage(admin);

  await page.reload();
  await expect(page.getByRole("heading", { level: 2, name: "2 learners" })).toBeVisible();
  await expect(learnerList(page).getByRole("link")).toHaveText([member.name, joiner.name].sort());
  await checkPage(page);
  await goToCohortTab(page, "Progress");
  await expect(matrixNames(page)).toHaveText([member.name, joiner.name].sort());
  await expect(page.getByText("0 of 2 learners complete (0%) · no due date.")).toBeVisible();

  // Removing a learner: they leave the list and the dashboard, and their My learning no longer names the group.
  await goToCohortTab(page, "Learners");
  await page.getByRole("button", { name: `Remove ${joiner.name} from the cohort` }).click();
  await expect(page.getByRole("heading", { level: 2, name: "1 learner" })).toBeVisible();
  await expect(learnerList(page).getByRole("link")).toHaveText([member.name]);
  await expect(
    page.getByRole("region", { name: "Add from your organisation" }).getByRole("option", { name: joiner.name }),
  ).toHaveCount(1);
  await checkPage(page);
  await goToCohortTab(page, "Progress");
  await expect(page.getByRole("table", { name: "Progress of 1 learner on each module" })).toBeVisible();
  await expect(matrixNames(page)).toHaveText([member.name]);
  await expect(page.getByText("0 of 1 learner complete (0%) · no due date.")).toBeVisible();
  await expect(page.getByRole("main")).not.toContainText(joiner.name);
  await openCohorts(page);
  await expect(page.getByRole("listitem").filter({ has: page.getByRole("link", { name: cohortName }) })).toContainText(
    "1 learner · 1 assignment",
  );
  await joinerPage.reload();
  await expect(courseCard(joinerPage, DEMO_COURSE)).toBeVisible();
  await expect(courseCard(joinerPage, DEMO_COURSE)).not.toContainText(cohortName);
  await checkLearnerPage(joinerPage);
});

test("the dashboard filters, sorts, marks past-due work gently, and no page or export shows a reflection", async ({
  page,
  newPage,
}) => {
  test.setTimeout(360_000);
  const cohortName = uniqueName("Autumn cohort");
  const admin = await newPage();
  await signIn(admin, DEMO.admin);
  // Names chosen so that the order by name and the order by progress differ.
  const [ali, max, zed] = [
    { page: await newPage({ javaScriptEnabled: false }), prefix: "Ali" },
    { page: await newPage({ javaScriptEnabled: false }), prefix: "Max" },
    { page: await newPage({ javaScriptEnabled: false }), prefix: "Zed" },
  ];
  if (!ali || !max || !zed) throw new Error("three learners");
  const people = {
    ali: await joinAsLearner(admin, ali.page, ali.prefix),
    max: await joinAsLearner(admin, max.page, max.prefix),
    zed: await joinAsLearner(admin, zed.page, zed.prefix),
  };

  await signIn(page, DEMO.trainer);
  const cohortId = await createCohort(page, { name: cohortName, startsOn: londonDay(-10) });
  for (const person of Object.values(people)) await addFromOrganisation(page, person.name);
  await expect(page.getByRole("heading", { level: 2, name: "3 learners" })).toBeVisible();
  await assignTraining(page, { label: `${DEMO_COURSE} (version 1)`, title: DEMO_COURSE, dueOn: londonDay(30) });

  // Zed completes, writing a reflection and skipping the content-noted section; Max reads one section.
  const secret = uniqueReflection();
  await zed.page.reload();
  await checkLearnerPage(zed.page);
  await openAssignedCourse(zed.page, DEMO_COURSE);
  await takeBoundaries(zed.page, { reflection: secret, skipSensitive: true });
  await expect(zed.page.getByRole("status")).toContainText("You completed this course on");
  await max.page.reload();
  await checkLearnerPage(max.page);
  await openAssignedCourse(max.page, DEMO_COURSE);
  await startBoundaries(max.page);
  await max.page.getByRole("navigation", { name: "Sections" }).getByRole("button", { name: "Next" }).click();
  await expect(max.page.getByRole("heading", { level: 1, name: BOUNDARIES_SECTIONS[1] })).toBeVisible();
  await checkLearnerPage(max.page);

  // The due date passes (the app refuses a past date, so it is moved in the database).
  await goToCohortTab(page, "Progress");
  const assignmentId = await assignmentIdOn(page);
  const pastDay = londonDay(-2);
  setAssignmentDueDate(sharedServer.databasePath, assignmentId, pastDay);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: cohortName })).toBeVisible();
  await checkPage(page);
  await expect(
    page.getByText(`1 of 3 learners complete (33%) · due ${longDate(pastDay)} (past due date).`),
  ).toBeVisible();
  const rowOf = (name: string) => matrixRow(page, name);
  await expect(rowOf(people.zed.name).getByRole("cell")).toHaveText(["Complete", `Complete, ${today()}`]);
  await expect(rowOf(people.max.name).getByRole("cell")).toHaveText(["In progress", "0 of 1"]);
  await expect(rowOf(people.ali.name).getByRole("cell")).toHaveText(["Not started", "0 of 1"]);
  await expect(rowOf(people.zed.name)).not.toContainText("past due date");
  for (const late of [people.max.name, people.ali.name]) {
    const badge = rowOf(late).getByRole("rowheader").getByText("past due date", { exact: true });
    await expect(badge).toBeVisible();
    await expectNoAlarmColours(badge);
  }
  await expect(matrixNames(page)).toHaveText([people.ali.name, people.max.name, people.zed.name]);

  // Filters and sorting.
  await filterDashboard(page, { show: "Complete" });
  await expect(page.getByRole("table", { name: "Progress of 1 learner on each module" })).toBeVisible();
  await expect(matrixNames(page)).toHaveText([people.zed.name]);
  await checkPage(page);
  await filterDashboard(page, { show: "In progress" });
  await expect(matrixNames(page)).toHaveText([people.max.name]);
  await checkPage(page);
  await filterDashboard(page, { show: "Not started" });
  await expect(matrixNames(page)).toHaveText([people.ali.name]);
  await checkPage(page);
  await filterDashboard(page, { show: "Past due date" });
  await expect(matrixNames(page)).toHaveText([people.ali.name, people.max.name]);
  await checkPage(page);
  const maxHex = people.max.name.split(" ")[1] ?? "";
  await filterDashboard(page, { name: maxHex.toUpperCase() });
  await expect(matrixNames(page)).toHaveText([people.max.name]);
  await checkPage(page);
  await filterDashboard(page, { sort: "Progress" });
  await expect(matrixNames(page)).toHaveText([people.zed.name, people.ali.name, people.max.name]);
  await checkPage(page);
  await filterDashboard(page, { sort: "Name" });
  await expect(matrixNames(page)).toHaveText([people.ali.name, people.max.name, people.zed.name]);
  await checkPage(page);
  // The summary counts the whole cohort, whatever is filtered.
  await expect(page.getByText("1 of 3 learners complete (33%)")).toBeVisible();
  expect(await page.content()).not.toContain(secret);

  // The learner's own page: a status per module, never the reflection or what was skipped.
  await rowOf(people.zed.name).getByRole("link", { name: people.zed.name }).click();
  await expect(page).toHaveURL(new RegExp(`/cohorts/${cohortId}/learners/[A-Za-z0-9_-]{22}$`));
  await expect(page.getByRole("heading", { level: 2, name: people.zed.name })).toBeVisible();
  const zedCourse = page.getByRole("region", { name: DEMO_COURSE });
  await expect(zedCourse).toContainText(`Completed on ${today()}. Due ${longDate(pastDay)}.`);
  await expect(zedCourse.getByRole("row").filter({ hasText: BOUNDARIES }).getByRole("cell")).toHaveText([
    "Complete",
    today(),
    today(),
  ]);
  await checkPage(page);
  const html = await page.content();
  expect(html).not.toContain(secret);
  expect(html).not.toContain(BOUNDARIES_SECTIONS[1]);
  expect(html).not.toMatch(/skipped for now:|· skipped/i);
  await page.getByRole("link", { name: "Back to progress" }).click();
  await page.waitForURL(/\/cohorts\/[^/?]+(\?.*)?$/);
  await checkPage(page);
  await rowOf(people.max.name).getByRole("link", { name: people.max.name }).click();
  await expect(page.getByRole("heading", { level: 2, name: people.max.name })).toBeVisible();
  const maxCourse = page.getByRole("region", { name: DEMO_COURSE });
  await expect(maxCourse).toContainText(`Not complete yet. Due ${longDate(pastDay)}.`);
  await expect(maxCourse.getByRole("row").filter({ hasText: BOUNDARIES }).getByRole("cell")).toHaveText([
    "In progress",
    today(),
    "—",
  ]);
  await checkPage(page);
  await page.getByRole("link", { name: "Back to progress" }).click();
  await page.waitForURL(/\/cohorts\/[^/?]+(\?.*)?$/);
  await checkPage(page);

  // Neither export holds the reflection; the CSV says who is past the due date.
  const csv = await download(page, page.getByRole("link", { name: "Download progress (CSV)" }));
  expect(csv.text).not.toContain(secret);
  const rows = parse(csv.text, { bom: true, columns: true }) as Record<string, string>[];
  expect(rows.map((r) => [r.Learner, r[BOUNDARIES], r["Past due date"]])).toEqual([
    [people.ali.name, "Not started", "Yes"],
    [people.max.name, "In progress", "Yes"],
    [people.zed.name, "Complete", "No"],
  ]);
  const xapi = await download(page, page.getByRole("link", { name: "Download xAPI statements (JSON)" }));
  expect(xapi.text).not.toContain(secret);
  expect(xapi.text).not.toContain(BOUNDARIES_SECTIONS[1]);
  expect((JSON.parse(xapi.text) as Statement[]).length).toBeGreaterThan(0);

  // The learners see it gently too.
  await ali.page.reload();
  await expect(courseCard(ali.page, DEMO_COURSE)).toContainText(`Past due date: ${longDate(pastDay)}`);
  await checkLearnerPage(ali.page);
  // The reflection is still in Zed's own journal: the checks above could have found it.
  await zed.page.goto("/learn/journal");
  await expect(zed.page.getByRole("main")).toContainText(secret);
  await checkLearnerPage(zed.page);
});

test("moving a cohort to a newer course version keeps completed modules, and learners are told what changed", async ({
  page,
  newPage,
}) => {
  test.setTimeout(480_000);
  const second = { starter: "Emotional labour and self-care", title: uniqueName("Looking after yourself") };
  const third = { starter: "Getting support and supervision", title: uniqueName("Support and supervision") };
  const course = { title: uniqueName("Boundaries and wellbeing"), description: "For cohorts only." };
  const changelog = `Version 2 adds a module on supervision (${randomBytes(3).toString("hex")}).`;

  const facilitator = await newPage();
  await signIn(facilitator, DEMO.facilitator);
  await publishStarterModule(facilitator, { ...second, changelog: "First version." });
  await publishStarterModule(facilitator, { ...third, changelog: "First version." });

  // A course given only through cohorts (not open to everyone): the demo module, then another.
  await signIn(page, DEMO.trainer);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Courses" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Courses" })).toBeVisible();
  await checkPage(page);
  const newCourse = page.getByRole("region", { name: "New course" });
  await newCourse.getByLabel("Title").fill(course.title);
  await newCourse.getByLabel("Description").fill(course.description);
  await expect(newCourse.getByLabel("Open to everyone: any learner here can enrol themselves")).not.toBeChecked();
  await newCourse.getByRole("button", { name: "Create course" }).click();
  await expect(page.getByRole("heading", { level: 1, name: course.title })).toBeVisible();
  await checkPage(page);
  const coursePath = new URL(page.url()).pathname;
  await addModuleToCourse(page, BOUNDARIES);
  await addModuleToCourse(page, second.title);
  await publishCourse(page, "First version.");

  const cohortName = uniqueName("Summer cohort");
  const cohortId = await createCohort(page, { name: cohortName, startsOn: londonDay(0) });
  await assignTraining(page, { label: `${course.title} (version 1)`, title: course.title });
  await goToCohortTab(page, "Learners");
  const link = await createCohortLink(page);
  const learner = await newPage({ javaScriptEnabled: false });
  const person = newPerson("Hana");
  await signUpThroughLink(learner, link, person, DEMO.organisation);

  // The learner completes the first module, and goes on to the second.
  await openAssignedCourse(learner, course.title);
  await takeBoundaries(learner);
  await expect(learner.getByText(new RegExp(`^${escaped(second.title)} · section 1 of \\d+`))).toBeVisible();
  await learner.getByRole("link", { name: `${course.title}: course outline` }).click();
  await expect(learner.getByRole("heading", { level: 2 }).first()).toHaveText(
    new RegExp(`^${BOUNDARIES}\\s*Complete$`),
  );
  await checkLearnerPage(learner);

  // Version 2 adds a third module.
  await page.goto(coursePath);
  await expect(page.getByRole("heading", { level: 1, name: course.title })).toBeVisible();
  await checkPage(page);
  await addModuleToCourse(page, third.title);
  await expect(courseOrder(page)).toHaveText([BOUNDARIES, second.title, third.title]);
  await publishCourse(page, changelog, 2);

  // The cohort still has version 1, and is offered the move with what changed.
  await openCohort(page, cohortId, cohortName, "/assignments");
  const card = assignmentCard(page, course.title);
  await expect(card.getByRole("heading", { level: 3 })).toHaveText(`${course.title} Version 1`);
  await expect(card).toContainText("A newer version is available.");
  await expect(card.getByRole("listitem")).toHaveText([`Version 2: ${changelog}`]);
  await card.getByRole("button", { name: "Move the cohort to version 2" }).click();
  await expect(page).toHaveURL(/\/assignments\?moved=1$/);
  await expect(
    page.getByText(
      "1 learner moved to the new version. Their completed modules still count, and they were told what changed.",
    ),
  ).toBeVisible();
  await expect(card.getByRole("heading", { level: 3 })).toHaveText(`${course.title} Version 2`);
  await expect(card).not.toContainText("A newer version is available.");
  await checkPage(page);

  // The dashboard: version 2, three modules, and the completed one still complete.
  await goToCohortTab(page, "Progress");
  await expect(page.getByRole("heading", { level: 2, name: `${course.title} Version 2` })).toBeVisible();
  await expect(page.getByRole("columnheader")).toHaveText(["Learner", BOUNDARIES, second.title, third.title, "Course"]);
  const row = matrixRow(page, person.name).getByRole("cell");
  await expect(row.first()).toHaveText("Complete");
  await expect(row.nth(2)).toHaveText("Not started");
  await expect(row.last()).toHaveText("1 of 3");

  // The learner is told what changed, and keeps what they completed.
  await learner.getByRole("link", { name: "Back to my learning" }).click();
  await expect(learner.getByRole("heading", { level: 1, name: "My learning" })).toBeVisible();
  const told = learner
    .getByRole("region", { name: "New for you" })
    .getByRole("listitem")
    .filter({ hasText: `${course.title} has a new version (2)` });
  await expect(told).toContainText(
    `What changed: version 2: ${changelog} Everything you already completed still counts.`,
  );
  await expect(courseCard(learner, course.title)).toContainText("1 of 3 modules done");
  await checkLearnerPage(learner);
  await openAssignedCourse(learner, course.title);
  await expect(learner.getByRole("heading", { level: 2 })).toHaveText([
    new RegExp(`^${escaped(BOUNDARIES)}\\s*Complete$`),
    new RegExp(`^${escaped(second.title)}\\s*(Not started|In progress)$`),
    new RegExp(`^${escaped(third.title)}\\s*Not started$`),
  ]);
});

test("a trainer from another organisation finds none of a cohort's pages, and a learner cannot open any dashboard", async ({
  page,
  newPage,
}) => {
  test.setTimeout(240_000);
  const cohortName = uniqueName("Private cohort");
  await signIn(page, DEMO.trainer);
  const cohortId = await createCohort(page, { name: cohortName, startsOn: londonDay(0) });
  await addFacilitator(page, FACILITATOR, "Runs the Tuesday group.");
  await assignTraining(page, { label: `${DEMO_COURSE} (version 1)`, title: DEMO_COURSE, dueOn: londonDay(20) });
  await goToCohortTab(page, "Learners");
  const link = await createCohortLink(page);
  const learner = await newPage();
  const person = newPerson("Ira");
  await signUpThroughLink(learner, link, person, DEMO.organisation);
  await goToCohortTab(page, "Progress");
  const assignmentId = await assignmentIdOn(page);
  const userId = await userIdIn(page, person.name);
  const base = `/cohorts/${cohortId}`;
  const pages = [base, `${base}/learners`, `${base}/learners/${userId}`, `${base}/assignments`, `${base}/details`];
  const files = [`${base}/progress.csv?assignment=${assignmentId}`, `${base}/xapi.json?assignment=${assignmentId}`];
  const posts: [string, Record<string, string>][] = [
    [`${base}?index`, {}],
    [`${base}/learners`, { intent: "link" }],
    [`${base}/learners`, { intent: "remove", userId }],
    [`${base}/learners`, { intent: "import", rows: "name,email\nMallory,mallory@example.org\n" }],
    [`${base}/assignments`, { intent: "due", assignmentId, dueOn: londonDay(40) }],
    [`${base}/assignments`, { intent: "remove", assignmentId }],
    [`${base}/details`, { intent: "details", name: "Taken over", startsOn: londonDay(0) }],
    [`${base}/details`, { intent: "archive" }],
  ];

  // A trainer of another organisation: their own Cohorts page works, this cohort's pages are not found.
  const other = await newPage();
  const otherAdmin = await signUpOrganisation(other);
  await other.getByRole("link", { name: `Change roles for ${otherAdmin.name}` }).click();
  await expect(other.getByRole("heading", { level: 2, name: otherAdmin.name })).toBeVisible();
  await checkPage(other);
  await other
    .getByRole("group", { name: "Roles" })
    .getByRole("checkbox", { name: /^Trainer/ })
    .check();
  await other.getByRole("button", { name: "Save roles" }).click();
  await expect(other.getByRole("row").filter({ hasText: otherAdmin.email })).toContainText(
    "Organisation admin, Trainer",
  );
  await checkPage(other);
  await openCohorts(other);
  await expect(other.getByRole("heading", { name: "No cohorts yet" })).toBeVisible();
  for (const path of pages) {
    const response = await other.goto(path);
    expect(response?.status(), `status of ${path}`).toBe(404);
    await expect(other.getByRole("heading", { level: 1, name: NOT_FOUND })).toBeVisible();
    await expect(other.getByRole("main")).not.toContainText(cohortName);
    await checkPage(other);
  }
  for (const path of files) {
    const response = await other.request.get(path, { maxRedirects: 0 });
    expect(response.status(), `status of ${path}`).toBe(404);
    expect(await response.text()).not.toContain(person.email);
  }
  for (const [path, form] of posts) {
    const response = await post(other, path, form);
    expect(response.status(), `status of POST ${path} ${form.intent ?? ""}`).toBe(404);
    // The answer keeps what was typed (as every refused form does), and holds nothing of the cohort.
    const text = await response.text();
    expect(text).not.toMatch(/\/join\//);
    expect(text).not.toContain(person.email);
    expect(text).not.toContain(cohortName);
  }

  // A learner (one in this very cohort) is refused every dashboard page, and every form.
  await expect(learner.getByRole("navigation", { name: "Main" }).getByRole("link")).toHaveText(["My learning"]);
  for (const path of ["/cohorts", ...pages]) {
    const response = await learner.goto(path);
    expect(response?.status(), `status of ${path}`).toBe(403);
    await expect(learner.getByRole("heading", { level: 1, name: FORBIDDEN })).toBeVisible();
    await expect(learner.getByRole("main")).not.toContainText(cohortName);
    await checkPage(learner);
  }
  for (const path of files) {
    const response = await learner.request.get(path, { maxRedirects: 0 });
    expect(response.status(), `status of ${path}`).toBe(403);
    expect(await response.text()).not.toContain(person.email);
  }
  const learnerPosts: [string, Record<string, string>][] = [["/cohorts", { name: "Mine now", startsOn: londonDay(0) }]];
  for (const [path, form] of [...learnerPosts, ...posts]) {
    const response = await post(learner, path, form);
    expect(response.status(), `status of POST ${path}`).toBe(403);
  }

  // Nothing changed: the cohort, its learner, its assignment and its details are as they were.
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: cohortName })).toBeVisible();
  await expect(page.getByText(`0 of 1 learner complete (0%) · due ${longDate(londonDay(20))}.`)).toBeVisible();
  await expect(page.getByText("No new completions since your last visit.")).toBeVisible();
  await checkPage(page);
  await goToCohortTab(page, "Learners");
  await expect(learnerList(page).getByRole("link")).toHaveText([person.name]);
  await goToCohortTab(page, "Details and facilitators");
  await expect(page.getByRole("heading", { level: 2, name: "Archive", exact: true })).toBeVisible();
  await expect(page.getByRole("region", { name: "Details" }).getByLabel("Name", { exact: true })).toHaveValue(
    cohortName,
  );
  await openCohorts(page);
  await expect(page.getByRole("link", { name: "Mine now" })).toHaveCount(0);
});

test("bad CSV files, past due dates, an unpublished course and an end before the start each get a clear message, with nothing half-done", async ({
  page,
}) => {
  test.setTimeout(240_000);
  await signIn(page, DEMO.trainer);

  // A cohort ending before it starts is not created.
  const backwards = uniqueName("Backwards cohort");
  await openCohorts(page);
  await submitNewCohort(page, { name: backwards, startsOn: londonDay(30), endsOn: londonDay(10) });
  const newCohort = page.getByRole("region", { name: "New cohort" });
  await expect(newCohort.getByRole("alert")).toContainText("The end date is before the start date.");
  await expect(newCohort.getByLabel("Ends on (optional)")).toHaveAttribute("aria-invalid", "true");
  await expect(newCohort.getByLabel("Name", { exact: true })).toHaveValue(backwards);
  await expect(page).toHaveURL(/\/cohorts\?index$/);
  await expect(page.getByRole("link", { name: backwards })).toHaveCount(0);
  await checkPage(page);

  const cohortName = uniqueName("Careful cohort");
  const cohortId = await createCohort(page, { name: cohortName, startsOn: londonDay(0), endsOn: londonDay(60) });
  const learners = page.getByRole("heading", { level: 2, name: "0 learners" });
  const fileMessage = csvSection(page).getByRole("alert");
  const invited = page.getByRole("heading", { level: 3, name: "Invited, not joined yet" });

  // Not UTF-8: "Renée" saved as Latin-1.
  await previewCsv(
    page,
    "latin-1.csv",
    Buffer.concat([Buffer.from("name,email\nRen"), Buffer.from([0xe9]), Buffer.from("e Dubois,renee@example.org\n")]),
  );
  await expect(fileMessage).toContainText(
    "This file is not UTF-8 text. In your spreadsheet, save it as “CSV UTF-8” and upload it again.",
  );
  await expect(csvSection(page).getByLabel("CSV file")).toBeVisible();
  await expect(csvSection(page).getByRole("table")).toHaveCount(0);
  await expect(learners).toBeVisible();
  await expect(invited).toHaveCount(0);
  await checkPage(page);

  // Missing the email column.
  await previewCsv(page, "names-only.csv", "name\nSam Jones\nKit Lee\n");
  await expect(fileMessage).toContainText("The first row must name the columns. The email column is missing.");
  await expect(csvSection(page).getByRole("table")).toHaveCount(0);
  await expect(learners).toBeVisible();
  await expect(invited).toHaveCount(0);
  await checkPage(page);

  // Saved by a spreadsheet that separates with semicolons, with Windows line endings, a cell on two
  // lines and a stray quote: read as the trainer sees it, each row named by its line in the file.
  const semicolons = newPerson("Lou");
  await previewCsv(
    page,
    "semicolons.csv",
    [`Name;Email`, `"${semicolons.name}\r\n(Lou)";${semicolons.email}`, `Max "Maxi" Roe;max at example`].join("\r\n"),
  );
  await expect(previewRow(page, 2)).toContainText(semicolons.email);
  await expect(previewRow(page, 2)).toContainText("Ready");
  await expect(previewRow(page, 4)).toContainText('Max "Maxi" Roe');
  await expect(previewRow(page, 4)).toContainText("Enter an email address like name@example.org.");
  await checkPage(page);
  await csvSection(page).getByRole("link", { name: "Cancel" }).click();
  await expect(csvSection(page).getByLabel("CSV file")).toBeVisible();
  await checkPage(page);

  // A quote that never closes is named by its line.
  await previewCsv(page, "open-quote.csv", 'name,email\nAnn Jones,ann@example.org\n"Ben Ode,ben@example.org\n');
  await expect(fileMessage).toContainText("line 3 opens a quote that never closes");
  await expect(learners).toBeVisible();
  await checkPage(page);

  // An empty file, then one with only its header.
  await previewCsv(page, "empty.csv", "");
  await expect(fileMessage).toContainText(
    "This file is empty. Its first row names the columns (name and email), then one learner per row.",
  );
  await expect(learners).toBeVisible();
  await checkPage(page);
  await previewCsv(page, "header-only.csv", "name,email\n");
  await expect(fileMessage).toContainText("The file has a header but no learners.");
  await expect(learners).toBeVisible();
  await checkPage(page);

  // The same email twice (in different letter case): the second is flagged, the first added alone.
  const twice = newPerson("Jo");
  await previewCsv(
    page,
    "duplicates.csv",
    `name,email\n${twice.name},${twice.email}\n${twice.name} again,${twice.email.toUpperCase()}\n`,
  );
  await expect(previewRow(page, 2)).toContainText("Ready");
  await expect(previewRow(page, 3)).toContainText("This email is already on line 2.");
  await checkPage(page);
  await csvSection(page).getByRole("button", { name: "Add 1 learner" }).click();
  await expect(csvSection(page).getByRole("status")).toContainText("Added 0; invited 1.");
  await waitForMail(twice.email, /You are invited/);
  expect(mailTo(twice.email)).toHaveLength(1);
  await expect(invited).toBeVisible();
  await expect(learnerList(page).getByRole("listitem")).toHaveText([`${twice.name} ${twice.email}`]);
  await checkPage(page);

  // A due date in the past is refused when assigning, and nothing is assigned.
  await goToCohortTab(page, "Assignments");
  const assign = page.getByRole("region", { name: "Assign training" });
  await assign.getByLabel("Course or module").selectOption({ label: `${DEMO_COURSE} (version 1)` });
  await assign.getByLabel("Due date (optional)").fill(londonDay(-1));
  await assign.getByRole("button", { name: "Assign to the cohort" }).click();
  await expect(assign.getByRole("alert")).toContainText(
    "The due date is in the past. Choose today or a later date, or leave it empty.",
  );
  await expect(assign.getByLabel("Due date (optional)")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("region", { name: "Assigned" })).toContainText("Nothing yet.");
  await checkPage(page);
  expect(storedAssignments(sharedServer.databasePath, cohortId)).toBe(0);

  // An unpublished course is not offered, and a forged form naming it is refused.
  const draftTitle = uniqueName("Draft course");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Courses" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Courses" })).toBeVisible();
  await checkPage(page);
  await page.getByRole("region", { name: "New course" }).getByLabel("Title").fill(draftTitle);
  await page.getByRole("region", { name: "New course" }).getByRole("button", { name: "Create course" }).click();
  await expect(page.getByRole("heading", { level: 1, name: draftTitle })).toBeVisible();
  await checkPage(page);
  const draftId = /\/courses\/([A-Za-z0-9_-]{22})$/.exec(page.url())?.[1] ?? "";
  expect(draftId).not.toBe("");
  await openCohort(page, cohortId, cohortName, "/assignments");
  await expect(assign.getByRole("option", { name: new RegExp(escaped(draftTitle)) })).toHaveCount(0);
  const forged = await post(page, `/cohorts/${cohortId}/assignments`, {
    intent: "assign",
    target: `course:${draftId}`,
    dueOn: "",
  });
  expect(forged.status()).toBe(400);
  expect(await forged.text()).toContain("That course has not been published yet. Publish it first, then assign it.");
  expect(storedAssignments(sharedServer.databasePath, cohortId)).toBe(0);
  await page.reload();
  await expect(page.getByRole("region", { name: "Assigned" })).toContainText("Nothing yet.");
  await checkPage(page);

  // Changing a due date to one in the past is refused too, and the date stays.
  const due = londonDay(14);
  await assignTraining(page, { label: `${DEMO_COURSE} (version 1)`, title: DEMO_COURSE, dueOn: due });
  const card = assignmentCard(page, DEMO_COURSE);
  await card.getByLabel("Due date", { exact: true }).fill(londonDay(-3));
  await card.getByRole("button", { name: `Change due date for ${DEMO_COURSE}` }).click();
  await expect(page.getByRole("alert")).toContainText(
    "The due date is in the past. Choose today or a later date, or leave it empty.",
  );
  await checkPage(page);
  await page.reload();
  await expect(card).toContainText(`Due ${longDate(due)}`);
  await expect(card.getByLabel("Due date", { exact: true })).toHaveValue(due);
  await checkPage(page);
  expect(storedAssignments(sharedServer.databasePath, cohortId)).toBe(1);

  // Editing the details to end before the start is refused, and the dates stay.
  await goToCohortTab(page, "Details and facilitators");
  const details = page.getByRole("region", { name: "Details" });
  await details.getByLabel("Ends on (optional)").fill(londonDay(-5));
  await details.getByRole("button", { name: "Save details" }).click();
  await expect(details.getByRole("alert")).toContainText("The end date is before the start date.");
  await checkPage(page);
  await page.reload();
  await expect(details.getByLabel("Ends on (optional)")).toHaveValue(londonDay(60));
  await expect(page.getByText(`${longDate(londonDay(0))} to ${longDate(londonDay(60))}`)).toBeVisible();
  await checkPage(page);
});
