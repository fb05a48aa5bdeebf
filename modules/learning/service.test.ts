import { asc, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { courseCompletions, courseVersions, moduleVersions, progressEvents } from "../../db/schema";
import { contextFor } from "../auth/context";
import { addCourseModule, createCourse, publishCourse, updateCourseModule } from "../courses/service";
import type { DocJSON } from "../documents/json";
import { completedModules as completedIn, progressOf } from "../progress/read";
import { createModuleVersion } from "../publishing/service";
import { InvalidError, NotFoundError } from "../shared/errors";
import { testDatabase } from "../testing/database";
import { option, p, part, text } from "../testing/documents";
import { makeOrganisation } from "../testing/fixtures";
import { learnerIn } from "../testing/learner";
import { createModule, getModule } from "../workshop/service";
import { listJournal } from "./journal";
import { learnerPlace } from "./place";
import { checkInSection, courseOutline, sectionPage } from "./section";
import { deriveCompletion, enrolSelf, ownEnrolment } from "./service";
import { reflect } from "./steps";

const heading = (title: string): DocJSON => ({ type: "heading", attrs: { level: 2 }, content: [text(title)] });
const check = (id: string, right: string, wrong: string): DocJSON => ({
  type: "knowledgeCheck",
  attrs: { id, multiple: false },
  content: [
    part("checkQuestion", text(`Question ${id}?`)),
    option(`${id}-wrong`, false, wrong, [text("Not this one.")]),
    option(`${id}-right`, true, right, [text("Yes.")]),
  ],
});

/**
 * Module A: 1 a reading with a reflection, 2 a knowledge check, 3 a content-noted section with its
 * own check. Module B: one section with one check.
 */
const MODULE_A = {
  type: "doc",
  content: [
    heading("Welcome"),
    p(text("Peer support is a relationship between equals.")),
    { type: "reflectionPrompt", attrs: { id: "r-1" }, content: [text("What brought you here?")] },
    heading("A first check"),
    p(text("Boundaries keep both people safe.")),
    check("kc-1", "Agree your hours", "Always answer at once"),
    heading("A harder topic"),
    { type: "contentNote", attrs: { topics: ["suicide"], customTopic: "" }, content: [text("About suicide.")] },
    p(text("Some people you support may talk about ending their life.")),
    check("kc-2", "Follow the safeguarding procedure", "Keep it to yourself"),
  ],
} satisfies DocJSON;

const MODULE_B = {
  type: "doc",
  content: [
    heading("Only section"),
    { type: "contentNote", attrs: { topics: ["bereavement"], customTopic: "" }, content: [text("About loss.")] },
    p(text("Supervision is for you.")),
    check("kc-3", "Regular and private", "Only after a crisis"),
  ],
} satisfies DocJSON;

let database: ReturnType<typeof testDatabase>;
beforeEach(() => {
  database = testDatabase();
});
afterEach(() => database.close());

function publishedModule(
  db: typeof database.db,
  orgId: string,
  createdBy: string,
  title: string,
  doc: DocJSON,
  changelog = "First version.",
) {
  const { id } = createModule(db, {
    orgId,
    createdBy,
    title,
    topic: "boundaries",
    customTopic: "",
    summary: "",
    estimatedMinutes: 10,
    doc,
  });
  const module = getModule(db, id);
  if (!module) throw new Error("module missing");
  const version = createModuleVersion(db, { module, doc, changelog, publishedBy: createdBy });
  return { moduleId: id, versionId: version.id };
}

/** An organisation with a published course of modules A then B, and a learner enrolled on it. */
function courseWithLearner() {
  const { db } = database;
  const org = makeOrganisation(db);
  const fran = org.member(["facilitator"], "Fran Mills");
  const sam = org.member(["trainer"], "Sam Taylor");
  const alex = org.member(["learner"], "Alex Morgan");
  const a = publishedModule(db, org.org.id, fran.user.id, "Module A", MODULE_A);
  const b = publishedModule(db, org.org.id, fran.user.id, "Module B", MODULE_B);
  const course = createCourse(contextFor(db, sam.actor), { title: "Essentials", description: "", openToAll: true });
  addCourseModule(contextFor(db, sam.actor), course.id, a.moduleId);
  addCourseModule(contextFor(db, sam.actor), course.id, b.moduleId);
  publishCourse(contextFor(db, sam.actor), course.id, "First version.");
  const { id: enrolmentId } = enrolSelf(contextFor(db, alex.actor), course.id);

  /** Reads the enrolment afresh each time, as each request does. */
  const current = () => ownEnrolment(db, alex.actor, enrolmentId);
  const steps = learnerIn(db, alex.actor, enrolmentId);
  const view = (versionId: string, section: number, kind: "viewed" | "skipped" = "viewed") => {
    steps.view(versionId, section, kind);
  };
  const answer = (versionId: string, section: number, checkId: string, chosen: string[]) =>
    steps.answer(versionId, section, checkId, chosen);
  const place = (versionId: string, section: number) =>
    learnerPlace(contextFor(db, alex.actor), { enrolmentId, moduleVersionId: versionId, section });
  /** The modules the learner has completed, by module id. */
  const completedModules = () => [...completedIn(progressOf(db, enrolmentId))].sort();
  const courseComplete = () =>
    db.select().from(courseCompletions).where(eq(courseCompletions.enrolmentId, enrolmentId)).all();
  const events = () =>
    db
      .select()
      .from(progressEvents)
      .where(eq(progressEvents.enrolmentId, enrolmentId))
      .orderBy(asc(progressEvents.id))
      .all();
  const completionEvents = () =>
    events()
      .filter((e) => e.kind === "module_completed" || e.kind === "course_completed")
      .map((e) => [e.kind, e.moduleVersionId]);
  const completionEventRows = () =>
    events().filter((e) => e.kind === "module_completed" || e.kind === "course_completed");
  return {
    db,
    org,
    fran,
    sam,
    alex,
    a,
    b,
    course,
    enrolmentId,
    current,
    view,
    answer,
    place,
    completedModules,
    courseComplete,
    events,
    completionEvents,
    completionEventRows,
  };
}

describe("module completion", () => {
  it("comes when every section is viewed or skipped and every check in a viewed section is answered right once", () => {
    const t = courseWithLearner();
    t.view(t.a.versionId, 1);
    t.view(t.a.versionId, 2);
    expect(t.completedModules()).toEqual([]);

    // Wrong first: the check is not passed, and the module is not complete.
    expect(t.answer(t.a.versionId, 2, "kc-1", ["kc-1-wrong"])).toEqual({ correct: false });
    expect(t.completedModules()).toEqual([]);
    expect(t.answer(t.a.versionId, 2, "kc-1", ["kc-1-right"])).toEqual({ correct: true });
    // Section 3 is not done yet.
    expect(t.completedModules()).toEqual([]);

    t.view(t.a.versionId, 3);
    // Viewed, so its check is asked too.
    expect(t.completedModules()).toEqual([]);
    t.answer(t.a.versionId, 3, "kc-2", ["kc-2-right"]);
    expect(t.completedModules()).toEqual([t.a.moduleId]);
    expect(t.completionEvents()).toEqual([["module_completed", t.a.versionId]]);
  });

  it("takes an answer given before the section is marked viewed", () => {
    const t = courseWithLearner();
    t.answer(t.b.versionId, 1, "kc-3", ["kc-3-right"]);
    expect(t.completedModules()).toEqual([]);
    t.view(t.b.versionId, 1);
    expect(t.completedModules()).toEqual([t.b.moduleId]);
  });

  it("is never blocked by skipping: a skipped section's checks are not asked", () => {
    const t = courseWithLearner();
    t.view(t.a.versionId, 1);
    t.view(t.a.versionId, 2);
    t.answer(t.a.versionId, 2, "kc-1", ["kc-1-right"]);
    t.view(t.a.versionId, 3, "skipped");
    expect(t.completedModules()).toEqual([t.a.moduleId]);

    // Every section skipped, nothing answered: complete too.
    t.view(t.b.versionId, 1, "skipped");
    expect(t.completedModules()).toHaveLength(2);
    expect(progressOf(t.db, t.enrolmentId).done.get(t.a.versionId)?.get(3)).toBe("skipped");
  });

  it("counts a skipped section that is later read as read, and then asks its check", () => {
    const t = courseWithLearner();
    t.view(t.a.versionId, 3, "skipped");
    t.view(t.a.versionId, 3);
    // Skipping again after reading does not undo the reading.
    t.view(t.a.versionId, 3, "skipped");
    expect(progressOf(t.db, t.enrolmentId).done.get(t.a.versionId)?.get(3)).toBe("viewed");
    t.view(t.a.versionId, 1);
    t.view(t.a.versionId, 2);
    t.answer(t.a.versionId, 2, "kc-1", ["kc-1-right"]);
    expect(t.completedModules()).toEqual([]);
    t.answer(t.a.versionId, 3, "kc-2", ["kc-2-right"]);
    expect(t.completedModules()).toHaveLength(1);
  });

  it("is never gated by reflections, and a reflection records no progress", () => {
    const t = courseWithLearner();
    const before = t.events().length;
    reflect(contextFor(t.db, t.alex.actor), t.place(t.a.versionId, 1), { promptId: "r-1", body: "Something private." });
    expect(t.events()).toHaveLength(before);
    expect(t.completedModules()).toEqual([]);

    // Module B has no reflection; module A's is left unanswered by a second learner: both complete.
    const other = t.org.member(["learner"], "Jo Quinn");
    const { id } = enrolSelf(contextFor(t.db, other.actor), t.course.id);
    const others = learnerIn(t.db, other.actor, id);
    for (const section of [1, 2, 3]) others.view(t.a.versionId, section);
    others.answer(t.a.versionId, 2, "kc-1", ["kc-1-right"]);
    others.answer(t.a.versionId, 3, "kc-2", ["kc-2-right"]);
    expect(listJournal(contextFor(t.db, other.actor))).toEqual([]);
    expect(completedIn(progressOf(t.db, id))).toEqual(new Set([t.a.moduleId]));
  });
});

describe("course completion", () => {
  it("comes when all of its modules are complete, and not before", () => {
    const t = courseWithLearner();
    t.view(t.b.versionId, 1);
    t.answer(t.b.versionId, 1, "kc-3", ["kc-3-right"]);
    expect(t.completedModules()).toHaveLength(1);
    expect(t.courseComplete()).toEqual([]);
    expect(courseOutline(contextFor(t.db, t.alex.actor), t.enrolmentId).completedAt).toBeNull();

    for (const section of [1, 2, 3]) t.view(t.a.versionId, section, section === 3 ? "skipped" : "viewed");
    expect(t.courseComplete()).toEqual([]);
    t.answer(t.a.versionId, 2, "kc-1", ["kc-1-right"]);
    expect(t.courseComplete()).toHaveLength(1);
    expect(t.completionEvents().map(([kind]) => kind)).toEqual([
      "module_completed",
      "module_completed",
      "course_completed",
    ]);
    expect(courseOutline(contextFor(t.db, t.alex.actor), t.enrolmentId).modules.map((m) => m.state)).toEqual([
      "complete",
      "complete",
    ]);
  });

  it("is idempotent: repeated submissions add no completion rows and no completion events", () => {
    const t = courseWithLearner();
    const finish = () => {
      for (const section of [1, 2, 3]) t.view(t.a.versionId, section);
      t.answer(t.a.versionId, 2, "kc-1", ["kc-1-right"]);
      t.answer(t.a.versionId, 3, "kc-2", ["kc-2-right"]);
      t.view(t.b.versionId, 1);
      t.answer(t.b.versionId, 1, "kc-3", ["kc-3-right"]);
    };
    finish();
    const modules = t.completedModules();
    const course = t.courseComplete();
    const completions = t.completionEventRows();
    const progress = progressOf(t.db, t.enrolmentId);
    expect(modules).toHaveLength(2);
    expect(course).toHaveLength(1);
    expect(completions.map((e) => e.kind)).toEqual(["module_completed", "module_completed", "course_completed"]);

    // The same again (a double click, a resubmitted form, a reload), plus the derivation on its own.
    finish();
    finish();
    const { enrolment, version } = t.current();
    deriveCompletion(t.db, enrolment, version, new Date(Date.now() + 60_000));

    expect(t.completedModules()).toEqual(modules);
    expect(t.courseComplete()).toEqual(course);
    // The same completion rows and events, with their first times.
    expect(t.completionEventRows()).toEqual(completions);
    expect(progressOf(t.db, t.enrolmentId)).toEqual(progress);
  });
});

describe("versions", () => {
  it("a learner who started version 1 keeps it after version 2 of the course is published", () => {
    const t = courseWithLearner();
    t.view(t.a.versionId, 1);
    const started = t.current();
    expect(started.version.version).toBe(1);

    // Module A gets a version 2, the trainer moves the course onto it and publishes the course again.
    const moduleA = getModule(t.db, t.a.moduleId);
    if (!moduleA) throw new Error("module missing");
    const v2 = createModuleVersion(t.db, {
      module: moduleA,
      doc: MODULE_B,
      changelog: "Shorter.",
      publishedBy: t.fran.user.id,
    });
    updateCourseModule(contextFor(t.db, t.sam.actor), t.course.id, t.a.moduleId);
    expect(publishCourse(contextFor(t.db, t.sam.actor), t.course.id, "Module A is shorter.").version).toBe(2);

    // Enrolling again returns the same enrolment, still on course version 1 and module A version 1.
    expect(enrolSelf(contextFor(t.db, t.alex.actor), t.course.id).id).toBe(t.enrolmentId);
    const after = t.current();
    expect(after.version.id).toBe(started.version.id);
    expect(after.version.items.map((i) => i.moduleVersionId)).toEqual([t.a.versionId, t.b.versionId]);
    const ctx = contextFor(t.db, t.alex.actor);
    expect(sectionPage(ctx, t.place(t.a.versionId, 3)).section.title).toBe("A harder topic");
    // Version 2 is not part of what this learner takes.
    expect(() => t.place(v2.id, 1)).toThrow(NotFoundError);

    // Someone starting now gets version 2.
    const newcomer = t.org.member(["learner"], "Sam Newcomer");
    const fresh = enrolSelf(contextFor(t.db, newcomer.actor), t.course.id);
    const freshVersion = ownEnrolment(t.db, newcomer.actor, fresh.id).version;
    expect(freshVersion.version).toBe(2);
    expect(freshVersion.items.map((i) => i.moduleVersionId)).toEqual([v2.id, t.b.versionId]);
  });

  it("module versions are immutable: the database refuses an UPDATE", () => {
    const t = courseWithLearner();
    const sqlite = t.db.$client;
    expect(() =>
      sqlite.prepare("update module_versions set title = 'Changed' where id = ?").run(t.a.versionId),
    ).toThrow(/module versions are immutable/);
    expect(() => t.db.update(moduleVersions).set({ html: "<p>Changed</p>" }).run()).toThrow(
      /module versions are immutable/,
    );
    const row = t.db.select().from(moduleVersions).where(eq(moduleVersions.id, t.a.versionId)).get();
    expect(row?.title).toBe("Module A");
  });

  it("course versions are immutable: the database refuses an UPDATE", () => {
    const t = courseWithLearner();
    const sqlite = t.db.$client;
    expect(() =>
      sqlite.prepare("update course_versions set items = '[]' where course_id = ?").run(t.course.id),
    ).toThrow(/course versions are immutable/);
    expect(() => t.db.update(courseVersions).set({ title: "Changed" }).run()).toThrow(/course versions are immutable/);
    expect(t.current().version.items).toHaveLength(2);
    expect(t.current().version.title).toBe("Essentials");
  });
});

describe("refusals", () => {
  it("refuses an answer that is not one of the check's options, or two answers to a single choice, recording nothing", () => {
    const t = courseWithLearner();
    t.view(t.a.versionId, 2);
    const before = t.events();
    expect(() => t.answer(t.a.versionId, 2, "kc-1", ["forged-option"])).toThrow(InvalidError);
    expect(() => t.answer(t.a.versionId, 2, "kc-1", ["kc-1-right", "kc-1-wrong"])).toThrow(InvalidError);
    expect(t.events()).toEqual(before);
  });

  it("refuses a section or a module version outside what the learner takes, recording nothing", () => {
    const t = courseWithLearner();
    const elsewhere = publishedModule(t.db, t.org.org.id, t.fran.user.id, "Not in the course", MODULE_B);
    expect(() => t.view(t.a.versionId, 4)).toThrow(NotFoundError);
    expect(() => t.view(t.a.versionId, 0)).toThrow(NotFoundError);
    expect(() => t.view(elsewhere.versionId, 1)).toThrow(NotFoundError);
    expect(() => t.answer(elsewhere.versionId, 1, "kc-3", ["kc-3-right"])).toThrow(NotFoundError);
    // A check of another section of the right module is not this section's.
    expect(() => t.answer(t.a.versionId, 2, "kc-2", ["kc-2-right"])).toThrow(InvalidError);
    expect(checkInSection(t.db, t.a.versionId, 2, "kc-2")).toBeNull();
    expect(t.events()).toEqual([]);
  });

  it("shows one learner's enrolment to nobody else", () => {
    const t = courseWithLearner();
    const other = t.org.member(["learner"], "Jo Quinn");
    expect(() => ownEnrolment(t.db, other.actor, t.enrolmentId)).toThrow(NotFoundError);
    expect(() => ownEnrolment(t.db, t.sam.actor, t.enrolmentId)).toThrow(NotFoundError);
  });
});
