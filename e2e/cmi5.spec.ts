/**
 * A course's cmi5 package, taken as a learning system would run it: the trainer downloads it from the
 * course page, the zip is opened, and an AU is launched in a frame of a minimal LMS made in this test,
 * on a made-up address: a fetch URL that hands out one auth token, and an LRS that keeps the activity
 * state and agent profile documents the library reads and records every statement, each one held to
 * Learning Locker's validator as it arrives.
 */
import fs from "node:fs";
import type { Page } from "@playwright/test";
import { strFromU8, unzipSync } from "fflate";
import { validatorProblems } from "../modules/testing/xapi-validator";
import { checkPage, expectAccessible } from "./support/accessibility";
import { publishNotedCourse } from "./support/database";
import { expect, test } from "./support/fixtures";
import { DEMO } from "./support/people";
import { signIn } from "./support/sessions";
import { sharedServer } from "./support/shared-server";
import { markChecked } from "./support/tracking";

const LMS = "https://lms.test";
const TOKEN = Buffer.from("au-session:one-time-secret").toString("base64");
const REGISTRATION = "5b4a4e49-3b2e-4a1d-9c6f-2f1e7f6a9c10";
const SESSIONS = ["0f3c1a52-8d4e-4b7a-a1f2-6c9d5e7b3a21", "7d2e9b14-5c3a-4f8e-b6d1-9a0c2e4f6b83"];
const ACTOR = { objectType: "Agent", account: { homePage: LMS, name: "learner-42" }, name: "Alex Learner" };
const CMI5 = {
  category: "https://w3id.org/xapi/cmi5/context/categories/cmi5",
  moveOn: "https://w3id.org/xapi/cmi5/context/categories/moveon",
  sessionId: "https://w3id.org/xapi/cmi5/context/extensions/sessionid",
};
const VERB = (name: string) => `http://adlnet.gov/expapi/verbs/${name}`;
const PRIVATE = "Only mine: the night I could not say no to Dan";
const PRIVATE_TOO = "Ask Sam about the rota, privately";

type Statement = {
  id: string;
  actor: unknown;
  verb: { id: string };
  object: { id: string };
  result?: { completion?: boolean; success?: boolean; score?: { scaled?: number }; duration?: string };
  context: {
    registration: string;
    extensions?: Record<string, unknown>;
    contextActivities?: { category?: { id: string }[]; grouping?: { id: string }[] };
  };
};

/** The test's learning system: what it hands out, and everything it was sent. */
class TestLms {
  statements: Statement[] = [];
  /** The session each statement arrived in: the LMS's context template for that launch. */
  arrivedIn: string[] = [];
  session = SESSIONS[0] ?? "";
  problems: string[] = [];
  seen: string[] = [];
  fetches = 0;
  documents = new Map<string, string>();
  activityId = "";
  constructor(
    readonly files: Record<string, Uint8Array>,
    readonly launchData: Record<string, unknown>,
  ) {}

  /** The LMS launches the AU again: a new session, a new one-time token. */
  relaunch(activityId: string) {
    this.session = SESSIONS[1] ?? "";
    this.fetches = 0;
    return this.launchUrl(activityId);
  }

  launchUrl(activityId: string) {
    this.activityId = activityId;
    this.documents.set(
      `state LMS.LaunchData`,
      JSON.stringify({
        contextTemplate: {
          contextActivities: { grouping: [{ objectType: "Activity", id: `${activityId}?lms-course=1` }] },
          extensions: { [CMI5.sessionId]: this.session },
        },
        launchMode: "Normal",
        moveOn: "Completed",
        returnURL: `${LMS}/lms.html`,
        ...this.launchData,
      }),
    );
    this.documents.set("profile cmi5LearnerPreferences", JSON.stringify({ languagePreference: "en-GB" }));
    const query = new URLSearchParams({
      endpoint: `${LMS}/lrs/`,
      fetch: `${LMS}/fetch/${REGISTRATION}`,
      actor: JSON.stringify(ACTOR),
      registration: REGISTRATION,
      activityId,
    });
    return `/pkg/m1/index.html?${query}`;
  }

  async serve(page: Page) {
    await page.context().route(`${LMS}/**`, async (route) => {
      const request = route.request();
      const body = request.postData() ?? "";
      this.seen.push(`${request.method()} ${request.url()} ${body}`);
      const url = new URL(request.url());
      const json = (data: unknown, status = 200) =>
        route.fulfill({ status, contentType: "application/json", body: JSON.stringify(data) });
      if (url.pathname === "/lms.html") {
        const launch = url.searchParams.get("launch") ?? "";
        return route.fulfill({
          contentType: "text/html",
          body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test learning system</title></head><body><main><h1>Test learning system</h1>${launch ? `<iframe src="${launch.replace(/&/g, "&amp;").replace(/"/g, "&quot;")}" title="Course module" style="width:100%;height:90vh;border:0"></iframe>` : "<p>You have left the module.</p>"}</main></body></html>`,
        });
      }
      if (url.pathname === `/fetch/${REGISTRATION}` && request.method() === "POST") {
        this.fetches += 1;
        // cmi5 9.1: the fetch URL hands out its token once.
        if (this.fetches > 1) return json({ "error-code": "1", "error-text": "Already used" });
        return json({ "auth-token": TOKEN });
      }
      if (url.pathname.startsWith("/lrs/")) {
        if (request.headers().authorization !== `Basic ${TOKEN}`) return route.fulfill({ status: 401, body: "" });
        const resource = url.pathname.slice("/lrs/".length);
        if (resource === "statements" && request.method() === "POST") {
          const sent = JSON.parse(body) as Statement | Statement[];
          for (const s of Array.isArray(sent) ? sent : [sent]) {
            this.problems.push(...validatorProblems(s).map((p) => `${s.verb?.id}: ${p}`));
            this.statements.push(s);
            this.arrivedIn.push(this.session);
          }
          return json((Array.isArray(sent) ? sent : [sent]).map((s) => s.id));
        }
        const key =
          resource === "activities/state"
            ? `state ${url.searchParams.get("stateId")}`
            : resource === "agents/profile"
              ? `profile ${url.searchParams.get("profileId")}`
              : null;
        if (key && resource === "activities/state") {
          expect(url.searchParams.get("activityId")).toBe(this.activityId);
          expect(url.searchParams.get("registration")).toBe(REGISTRATION);
        }
        if (key && request.method() === "GET") {
          const stored = this.documents.get(key);
          return stored ? route.fulfill({ contentType: "application/json", body: stored }) : json({}, 404);
        }
        if (key && (request.method() === "PUT" || request.method() === "POST")) {
          // A learning record store that takes its time: the learner may leave while a write is on its way.
          await new Promise((resolve) => setTimeout(resolve, 400));
          this.documents.set(key, body);
          return route.fulfill({ status: 204, body: "" });
        }
        return route.fulfill({ status: 400, body: "" });
      }
      const file = this.files[url.pathname.replace(/^\/pkg\//, "")];
      if (!file) return route.fulfill({ status: 404, body: "" });
      const type = url.pathname.endsWith(".html")
        ? "text/html"
        : url.pathname.endsWith(".css")
          ? "text/css"
          : "text/javascript";
      return route.fulfill({ contentType: type, body: Buffer.from(file) });
    });
  }

  verbs() {
    return this.statements.map((s) => s.verb.id.replace("http://adlnet.gov/expapi/verbs/", ""));
  }

  progress() {
    return JSON.parse(this.documents.get("state alongside-progress") ?? "{}");
  }
}

/** The trainer downloads the demo course's cmi5 package from its page: the file, unzipped. */
async function downloadPackage(page: Page, course = "Peer support essentials") {
  await signIn(page, DEMO.trainer);
  await page.goto("/courses");
  await checkPage(page);
  await page.getByRole("link", { name: course }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: course })).toBeVisible();
  await checkPage(page);
  const exports = page.getByRole("region", { name: "Export" });
  await expect(exports.getByRole("heading", { name: "cmi5 package" })).toBeVisible();
  await expect(exports).toContainText("For a learning system that takes cmi5 (xAPI)");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    exports.getByRole("button", { name: "Download the cmi5 package" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/-v\d+-cmi5\.zip$/);
  return unzipSync(fs.readFileSync(await download.path()));
}

/** The first AU's id, as the LMS reads it from cmi5.xml to launch it. */
function firstAuId(files: Record<string, Uint8Array>) {
  const id = /<au id="([^"]+)"/.exec(strFromU8(files["cmi5.xml"] ?? new Uint8Array()))?.[1];
  expect(id).toBeTruthy();
  return id ?? "";
}

async function launch(
  page: Page,
  lms: TestLms,
  files: Record<string, Uint8Array>,
  first = "What peer support is, and what it is not",
) {
  await lms.serve(page);
  return open(page, lms.launchUrl(firstAuId(files)), first);
}

async function open(page: Page, launchUrl: string, first: string) {
  await page.goto(`${LMS}/lms.html?launch=${encodeURIComponent(launchUrl)}`);
  const au = page.frameLocator("iframe[title='Course module']");
  await expect(au.getByRole("heading", { level: 2, name: first })).toBeVisible();
  await expect(au.getByText("This page is not connected to a learning system")).toBeHidden();
  await expect(au.getByRole("link", { name: "Quick exit" })).toBeInViewport();
  await expectAccessible(page);
  markChecked(page, page.url());
  return au;
}

type Au = Awaited<ReturnType<typeof launch>>;

async function answer(au: Au, choices: string[]) {
  for (const choice of choices) await au.getByLabel(choice).check();
  await au.getByRole("button", { name: "Check my answer" }).click();
  await expect(au.getByRole("status").filter({ hasText: "That's right." })).toBeVisible();
}

async function next(au: Au, title: string) {
  await au.getByRole("link", { name: "Next", exact: true }).click();
  await expect(au.getByRole("heading", { level: 2, name: title })).toBeVisible();
}

/** The demo module through to its end, skipping the section with a content note or reading it. */
async function takeModule(au: Au, { skip }: { skip: boolean }) {
  await answer(au, [
    "Listening without judging",
    "Sharing parts of your own story when it might help them",
    "Helping them find other services and support",
  ]);
  await next(au, "When contact comes out of hours");
  await expect(au.getByRole("heading", { name: "Before you start: a content note" })).toBeVisible();
  if (skip) {
    await au.getByRole("link", { name: "Skip for now" }).click();
    await expect(au.getByRole("heading", { level: 2, name: "Support or friendship?" })).toBeVisible();
  } else {
    await au.getByRole("link", { name: "Continue to the section" }).click();
    await next(au, "Support or friendship?");
  }
  await answer(au, ["Do not accept it, and explain kindly next time you talk, using your organisation's guidance."]);
  await next(au, "Saying no kindly");
  await au.getByRole("textbox", { name: /./ }).fill(PRIVATE);
  await au.getByRole("button", { name: "Keep on this device" }).click();
  await expect(au.getByText("Kept on this device only.")).toBeVisible();
  await next(au, "Agreeing your role with your organisation");
  await answer(au, ["Check with your supervisor or coordinator, and ask for it to be added to your role description."]);
  await au.getByRole("textbox").fill(PRIVATE_TOO);
  await au.getByRole("button", { name: "Keep on this device" }).click();
  await next(au, "Bringing it together");
  await au.getByRole("link", { name: "Finish" }).click();
  await expect(au.getByText("You have finished this module.")).toBeVisible();
}

/** The learner leaves the module (the LMS shows its own page again): the AU terminates as it goes. */
async function leave(page: Page, lms: TestLms) {
  await page.goto(`${LMS}/lms.html`);
  await expect(page.getByText("You have left the module.")).toBeVisible();
  await expectAccessible(page);
  markChecked(page, page.url());
  await expect.poll(() => lms.verbs().at(-1)).toBe("terminated");
}

/** Every statement in the cmi5 templates: the AU, the registration, the session, the cmi5 category. */
function expectCmi5Templates(lms: TestLms, activityId: string) {
  expect(lms.problems).toEqual([]);
  for (const [i, s] of lms.statements.entries()) {
    expect(s.actor).toEqual(ACTOR);
    expect(s.object.id).toBe(activityId);
    expect(s.context.registration).toBe(REGISTRATION);
    expect(s.context.extensions?.[CMI5.sessionId]).toBe(lms.arrivedIn[i]);
    expect(s.context.contextActivities?.category?.map((c) => c.id)).toContain(CMI5.category);
    expect(s.context.contextActivities?.grouping?.map((g) => g.id)).toEqual([`${activityId}?lms-course=1`]);
  }
  const completed = lms.statements.find((s) => s.verb.id === VERB("completed"));
  expect(completed?.result?.completion).toBe(true);
  expect(completed?.context.contextActivities?.category?.map((c) => c.id)).toContain(CMI5.moveOn);
}

function expectNothingPrivateSent(lms: TestLms) {
  for (const text of [PRIVATE, PRIVATE_TOO]) {
    expect(lms.seen.some((line) => line.includes(text))).toBe(false);
  }
}

test("a learner skips the section with a content note and still completes the AU, nothing private sent", async ({
  page,
}) => {
  const files = await downloadPackage(page);
  const lms = new TestLms(files, {});
  const au = await launch(page, lms, files);
  expect(lms.fetches).toBe(1);
  await expect.poll(() => lms.verbs()).toEqual(["initialized"]);
  await takeModule(au, { skip: true });
  await expect.poll(() => lms.verbs()).toEqual(["initialized", "completed"]);
  await expect.poll(() => lms.progress()).toMatchObject({ location: "end", done: true });
  expect(JSON.parse(lms.progress().suspend)).toEqual({
    s: { 1: "r", 2: "s", 3: "r", 4: "r", 5: "r", 6: "r" },
    c: ["check-1", "check-2", "check-3"],
  });
  await leave(page, lms);
  // No mastery score in the launch data: completed alone, never passed or failed.
  expect(lms.verbs()).toEqual(["initialized", "completed", "terminated"]);
  expectCmi5Templates(lms, firstAuId(files));
  expectNothingPrivateSent(lms);
});

test("with a mastery score from the LMS, reading every section completes and passes; a second launch resumes at the end and completes nothing again", async ({
  page,
}) => {
  const files = await downloadPackage(page);
  const lms = new TestLms(files, { masteryScore: 0.8, moveOn: "CompletedAndPassed" });
  const au = await launch(page, lms, files);
  await takeModule(au, { skip: false });
  await expect.poll(() => lms.verbs()).toEqual(["initialized", "completed", "passed"]);
  const passed = lms.statements.find((s) => s.verb.id === VERB("passed"));
  expect(passed?.result).toMatchObject({ success: true, score: { scaled: 1 } });
  await leave(page, lms);
  expect(lms.verbs()).toEqual(["initialized", "completed", "passed", "terminated"]);

  // Back another day: the progress document brings the learner to where they were.
  const again = await open(page, lms.relaunch(firstAuId(files)), "End of this module");
  await expect(again.getByText("You have finished this module.")).toBeVisible();
  const outline = again.getByRole("navigation", { name: "Sections" });
  await expect(outline.getByRole("listitem").nth(1)).toContainText("done");
  // The reflection is still here, from this device's own storage.
  await outline.getByRole("link", { name: "Saying no kindly" }).click();
  await expect(again.getByRole("textbox")).toHaveValue(PRIVATE);
  expect(lms.fetches).toBe(1);
  await leave(page, lms);
  expect(lms.verbs()).toEqual(["initialized", "completed", "passed", "terminated", "initialized", "terminated"]);
  expectCmi5Templates(lms, firstAuId(files));
  expect(lms.arrivedIn.slice(-2)).toEqual([SESSIONS[1], SESSIONS[1]]);
  expectNothingPrivateSent(lms);
});

test("an AU whose every section has a content note the learner skips still completes, and never fails", async ({
  page,
}) => {
  const title = `Hard conversations ${Date.now()}`;
  publishNotedCourse({
    databasePath: sharedServer.databasePath,
    facilitatorEmail: DEMO.facilitator,
    trainerEmail: DEMO.trainer,
    title,
  });
  const files = await downloadPackage(page, title);
  // A mastery score from the LMS: the checks in the skipped sections are never asked, so never failed.
  const lms = new TestLms(files, { masteryScore: 0.8, moveOn: "CompletedOrPassed" });
  const au = await launch(page, lms, files, "When someone talks about self-harm");
  await expect(au.getByText("This section talks about: Self-harm.")).toBeVisible();
  await au.getByRole("link", { name: "Skip for now" }).click();
  await expect(au.getByRole("heading", { level: 2, name: "After a death" })).toBeVisible();
  await expect(au.getByText("This section talks about: Suicide.")).toBeVisible();
  await au.getByRole("link", { name: "Skip for now" }).click();
  await expect(au.getByText("You have finished this module.")).toBeVisible();
  await expect.poll(() => lms.verbs()).toEqual(["initialized", "completed"]);
  await expect.poll(() => lms.progress().suspend).toBe(JSON.stringify({ s: { 1: "s", 2: "s" }, c: [] }));
  await leave(page, lms);
  expect(lms.verbs()).toEqual(["initialized", "completed", "terminated"]);
  expectCmi5Templates(lms, firstAuId(files));
});

test("cmi5.xml has every element the cmi5 course structure requires, and launches files in the package", async ({
  page,
}) => {
  const files = await downloadPackage(page);
  const xml = strFromU8(files["cmi5.xml"] ?? new Uint8Array());
  const names = Object.keys(files);
  const found = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, "application/xml");
    if (doc.getElementsByTagName("parsererror").length > 0) return { error: doc.documentElement.textContent };
    const NS = "https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd";
    const children = (parent: Element, name: string) =>
      Array.from(parent.children).filter((c) => c.namespaceURI === NS && c.localName === name);
    const langstrings = (parent: Element, name: string) =>
      children(parent, name).map((el) =>
        Array.from(el.children)
          .filter((c) => c.namespaceURI === NS && c.localName === "langstring")
          .map((l) => ({ lang: l.getAttribute("lang"), text: l.textContent })),
      );
    const root = doc.documentElement;
    const course = children(root, "course");
    return {
      error: null,
      root: [root.namespaceURI, root.localName],
      courses: course.map((c) => ({
        id: c.getAttribute("id"),
        title: langstrings(c, "title"),
        description: langstrings(c, "description"),
      })),
      aus: children(root, "au").map((au) => ({
        id: au.getAttribute("id"),
        moveOn: au.getAttribute("moveOn"),
        masteryScore: au.getAttribute("masteryScore"),
        launchMethod: au.getAttribute("launchMethod"),
        title: langstrings(au, "title"),
        description: langstrings(au, "description"),
        url: children(au, "url").map((u) => u.textContent),
      })),
    };
  }, xml);
  expect(found.error).toBeNull();
  // cmi5 (Quartz) section 13, the course structure:
  // 1. a <courseStructure> root in the course structure namespace;
  expect(found.root).toEqual(["https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd", "courseStructure"]);
  // 2. exactly one <course> with an id that is an IRI, one <title> and one <description>, each with
  //    at least one <langstring lang="…">;
  expect(found.courses).toHaveLength(1);
  const course = found.courses?.[0];
  expect(course?.id).toMatch(/^https?:\/\/[^\s]+$/);
  expect(course?.title).toEqual([[{ lang: "en-GB", text: "Peer support essentials" }]]);
  expect(course?.description?.[0]?.[0]?.text).toBeTruthy();
  // 3. at least one <au>, each with a unique IRI id, a <title>, a <description> and one <url>;
  expect(found.aus?.length).toBeGreaterThan(0);
  const ids = found.aus?.map((au) => au.id) ?? [];
  expect(new Set(ids).size).toBe(ids.length);
  for (const au of found.aus ?? []) {
    expect(au.id).toMatch(/^https?:\/\/[^\s]+$/);
    expect(au.id).not.toBe(course?.id);
    expect(au.title?.[0]?.[0]?.text).toBeTruthy();
    expect(au.description?.[0]?.[0]?.text).toBeTruthy();
    expect(au.title?.[0]?.[0]?.lang).toBe("en-GB");
    // 4. moveOn one of the five values (here Completed), masteryScore, when present, from 0 to 1, and
    //    launchMethod AnyWindow or OwnWindow;
    expect(au.moveOn).toBe("Completed");
    expect(au.masteryScore).toBeNull();
    expect(["AnyWindow", "OwnWindow"]).toContain(au.launchMethod);
    // 5. the url relative to the package, naming a file in it.
    expect(au.url).toHaveLength(1);
    expect(au.url[0]).not.toMatch(/^[a-z]+:|^\//i);
    expect(names).toContain(au.url[0]);
  }
  // 6. cmi5.xml at the root of the zip.
  expect(names).toContain("cmi5.xml");
});

test("opened with no launch parameters the AU works as plain pages, and a course that cannot leave is refused, never a 500", async ({
  page,
  newPage,
}) => {
  const files = await downloadPackage(page);
  const lms = new TestLms(files, {});
  await lms.serve(page);
  await page.goto(`${LMS}/pkg/m1/index.html`);
  await expect(page.getByText("This page is not connected to a learning system")).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "What peer support is, and what it is not" })).toBeVisible();
  await expectAccessible(page);
  markChecked(page, page.url());
  expect(lms.statements).toEqual([]);
  expect(lms.fetches).toBe(0);

  await page.goto("/courses");
  await checkPage(page);
  const title = `Not yet ready for cmi5 ${Date.now()}`;
  await page.getByLabel("Title").fill(title);
  await page.getByRole("button", { name: "Create course" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await checkPage(page);
  await expect(page.getByRole("region", { name: "Export" }).getByRole("button")).toHaveCount(0);
  const answer = await page.request.post(`${page.url()}/cmi5.zip`, { form: {}, headers: { Accept: "text/html" } });
  expect(answer.status()).toBe(400);
  expect(answer.headers()["content-type"]).toMatch(/^text\/html/);
  expect(await answer.text()).toContain("This course has not been published yet.");

  const learner = await newPage();
  await signIn(learner, DEMO.learner);
  const courses = await page.request.get("/courses");
  const id = /\/courses\/([A-Za-z0-9_-]{22})"[^>]*>Peer support essentials/.exec(await courses.text())?.[1];
  expect(id).toBeTruthy();
  const refused = await learner.request.post(`/courses/${id}/cmi5.zip`, { form: {} });
  expect(refused.status()).toBe(403);
  expect(refused.headers()["content-type"]).not.toBe("application/zip");
});
