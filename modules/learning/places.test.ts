import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { enrolments, moduleProgress, progressEvents, reflections } from "../../db/schema";
import { contextFor } from "../auth/context";
import { assign, moveToLatestVersion } from "../cohorts/assignments";
import { createCohort, joinCohort } from "../cohorts/service";
import { addCourseModule, createCourse, publishCourse, updateCourseModule } from "../courses/service";
import type { DocJSON } from "../documents/json";
import { createModuleVersion } from "../publishing/service";
import { InvalidError, NotFoundError } from "../shared/errors";
import { crossOrganisationReferences } from "../testing/cross-organisation";
import { testDatabase } from "../testing/database";
import { doc, option, p, part, text } from "../testing/documents";
import { makeOrganisation } from "../testing/fixtures";
import { learnerIn } from "../testing/learner";
import { publishedModule } from "../testing/published-module";
import { getModule } from "../workshop/service";
import { journalEntry, listJournal, updateJournalEntry } from "./journal";
import { learnerPlace } from "./place";
import { courseOutline, sectionPage } from "./section";
import { certificate, enrolSelf } from "./service";
import { answerCheck, NOTHING_TO_SKIP, recordStep, reflect } from "./steps";

const heading = (title: string): DocJSON => ({ type: "heading", attrs: { level: 2 }, content: [text(title)] });

/** 1: a reading with a reflection prompt; 2: a knowledge check; 3: a content-noted section. */
const MODULE = doc(
  heading("Welcome"),
  p(text("Peer support is a relationship between equals.")),
  { type: "reflectionPrompt", attrs: { id: "r-1" }, content: [text("What brought you here?")] },
  heading("A check"),
  {
    type: "knowledgeCheck",
    attrs: { id: "kc-1", multiple: false },
    content: [
      part("checkQuestion", text("What keeps both people safe?")),
      option("kc-1-wrong", false, "Always answering at once", [text("Not this one.")]),
      option("kc-1-right", true, "Agreeing your hours", [text("Yes.")]),
    ],
  },
  heading("A harder topic"),
  { type: "contentNote", attrs: { topics: ["suicide"], customTopic: "" }, content: [text("About suicide.")] },
  p(text("Some people you support may talk about ending their life.")),
);

let database: ReturnType<typeof testDatabase>;
beforeEach(() => {
  database = testDatabase();
});
afterEach(() => database.close());

/** An organisation with the module published and put in two open courses, and a learner on both. */
function organisation(name: string) {
  const { db } = database;
  const org = makeOrganisation(db, name);
  const fran = org.member(["facilitator"], `${name} Facilitator`);
  const sam = org.member(["trainer"], `${name} Trainer`);
  const learner = org.member(["learner"], `${name} Learner`);
  const module = publishedModule(db, { orgId: org.org.id, by: fran.user.id, title: `${name} module`, doc: MODULE });
  const course = (title: string) => {
    const made = createCourse(contextFor(db, sam.actor), { title, description: "", openToAll: true });
    addCourseModule(contextFor(db, sam.actor), made.id, module.moduleId);
    publishCourse(contextFor(db, sam.actor), made.id, "First version.");
    return made;
  };
  const first = course(`${name} essentials`);
  const second = course(`${name} refresher`);
  const enrolment = enrolSelf(contextFor(db, learner.actor), first.id);
  const again = enrolSelf(contextFor(db, learner.actor), second.id);
  return { org, fran, sam, learner, module, first, second, enrolment, again, ctx: contextFor(db, learner.actor) };
}

function rows() {
  const { db } = database;
  return {
    reflections: db.select().from(reflections).all(),
    events: db.select().from(progressEvents).all(),
    progress: db.select().from(moduleProgress).all(),
  };
}

describe("a learner address", () => {
  it("is checked id by id: any id of another organisation, enrolment or section answers not found", () => {
    const a = organisation("North");
    const b = organisation("South");
    const neighbour = a.org.member(["learner"], "North Neighbour");
    const neighbours = enrolSelf(contextFor(database.db, neighbour.actor), a.first.id);
    const elsewhere = publishedModule(database.db, {
      orgId: a.org.org.id,
      by: a.fran.user.id,
      title: "Not in any course",
      doc: MODULE,
    });
    const before = rows();
    const mixes = [
      { enrolmentId: a.enrolment.id, moduleVersionId: b.module.versionId, section: 1 },
      { enrolmentId: b.enrolment.id, moduleVersionId: b.module.versionId, section: 1 },
      { enrolmentId: b.enrolment.id, moduleVersionId: a.module.versionId, section: 1 },
      { enrolmentId: neighbours.id, moduleVersionId: a.module.versionId, section: 1 },
      { enrolmentId: a.enrolment.id, moduleVersionId: elsewhere.versionId, section: 1 },
      { enrolmentId: a.enrolment.id, moduleVersionId: a.module.versionId, section: 4 },
      { enrolmentId: a.enrolment.id, moduleVersionId: a.module.versionId, section: 0 },
    ];
    for (const address of mixes)
      expect(() => learnerPlace(a.ctx, address), JSON.stringify(address)).toThrow(NotFoundError);
    expect(() => courseOutline(contextFor(database.db, a.learner.actor), b.enrolment.id)).toThrow(NotFoundError);
    expect(() => courseOutline(contextFor(database.db, a.learner.actor), neighbours.id)).toThrow(NotFoundError);
    expect(() => certificate(contextFor(database.db, a.learner.actor), b.enrolment.id)).toThrow(NotFoundError);
    expect(() => enrolSelf(contextFor(database.db, a.learner.actor), b.first.id)).toThrow(NotFoundError);

    // Within a real place, a prompt or check of another section, or another organisation, is refused.
    const place = learnerPlace(a.ctx, { enrolmentId: a.enrolment.id, moduleVersionId: a.module.versionId, section: 1 });
    expect(() => answerCheck(a.ctx, place, { checkId: "kc-1", chosen: ["kc-1-right"] })).toThrow(InvalidError);
    expect(() => reflect(a.ctx, place, { promptId: "other-prompt", body: "Misplaced." })).toThrow(InvalidError);

    // Someone else's journal entry is not there for this learner, to read or to change.
    const theirs = learnerPlace(b.ctx, {
      enrolmentId: b.enrolment.id,
      moduleVersionId: b.module.versionId,
      section: 1,
    });
    const entry = reflect(b.ctx, theirs, { promptId: "r-1", body: "Their words." });
    const after = rows();
    expect(() => journalEntry(contextFor(database.db, a.learner.actor), entry.id)).toThrow(NotFoundError);
    expect(() => updateJournalEntry(contextFor(database.db, a.learner.actor), entry.id, "Overwritten.")).toThrow(
      NotFoundError,
    );

    expect(after.events).toEqual(before.events);
    expect(after.progress).toEqual(before.progress);
    expect(rows().reflections).toEqual(after.reflections);
    expect(crossOrganisationReferences(database.db.$client)).toEqual([]);
  });

  it("cannot be forged past the domain: the database refuses rows that point at another organisation", () => {
    const a = organisation("North");
    const b = organisation("South");
    const sqlite = database.db.$client;
    const now = Date.now();
    const attempts: [string, () => unknown][] = [
      [
        "a progress event of another organisation's module version",
        () =>
          sqlite
            .prepare(
              "insert into progress_events (enrolment_id, module_version_id, kind, section, at) values (?, ?, 'viewed', 1, ?)",
            )
            .run(a.enrolment.id, b.module.versionId, now),
      ],
      [
        "a reflection of another organisation's module version",
        () =>
          sqlite
            .prepare(
              "insert into reflections (id, user_id, org_id, enrolment_id, module_version_id, prompt_id, prompt, body, created_at, updated_at) values ('x', ?, ?, ?, ?, 'r-1', 'q', 'b', ?, ?)",
            )
            .run(a.learner.user.id, a.org.org.id, a.enrolment.id, b.module.versionId, now, now),
      ],
      [
        "module progress on another organisation's module",
        () =>
          sqlite
            .prepare(
              "insert into module_progress (enrolment_id, module_id, module_version_id, started_at) values (?, ?, ?, ?)",
            )
            .run(a.enrolment.id, b.module.moduleId, b.module.versionId, now),
      ],
      [
        "an enrolment on another organisation's course",
        () =>
          database.db.update(enrolments).set({ courseId: b.first.id }).where(eq(enrolments.id, a.enrolment.id)).run(),
      ],
      [
        "a course item of another organisation's module",
        () =>
          sqlite
            .prepare("insert into course_items (course_id, module_id, module_version_id, position) values (?, ?, ?, 9)")
            .run(a.first.id, b.module.moduleId, b.module.versionId),
      ],
    ];
    for (const [what, attempt] of attempts) expect(attempt, what).toThrow(/cross-organisation reference/);
    expect(crossOrganisationReferences(sqlite)).toEqual([]);
  });
});

describe("a step", () => {
  it("is written as it was taken: a read leaves the answer's columns empty, an answer fills them", () => {
    const a = organisation("North");
    const at = (section: number) =>
      learnerPlace(a.ctx, { enrolmentId: a.enrolment.id, moduleVersionId: a.module.versionId, section });
    recordStep(a.ctx, at(1), "viewed");
    answerCheck(a.ctx, at(2), { checkId: "kc-1", chosen: ["kc-1-right"] });
    recordStep(a.ctx, at(2), "viewed");
    recordStep(a.ctx, at(3), "skipped");
    const sqlite = database.db.$client;
    const raw = sqlite
      .prepare(
        "select kind, section, check_id, correct, answer, at from progress_events where enrolment_id = ? order by id",
      )
      .all(a.enrolment.id) as { at: unknown }[];
    const written = a.ctx.now.getTime();
    expect(raw.map((r) => ({ ...r, at: r.at === written || r.at === Math.floor(written / 1000) }))).toEqual([
      { kind: "viewed", section: 1, check_id: null, correct: null, answer: null, at: true },
      { kind: "answered", section: 2, check_id: "kc-1", correct: 1, answer: '["kc-1-right"]', at: true },
      { kind: "viewed", section: 2, check_id: null, correct: null, answer: null, at: true },
      { kind: "skipped", section: 3, check_id: null, correct: null, answer: null, at: true },
      { kind: "module_completed", section: null, check_id: null, correct: null, answer: null, at: true },
      { kind: "course_completed", section: null, check_id: null, correct: null, answer: null, at: true },
    ]);
    const begun = sqlite.prepare("select started_at, completed_at from module_progress where enrolment_id = ?");
    expect(begun.all(a.enrolment.id)).toEqual([{ started_at: expect.any(Number), completed_at: expect.any(Number) }]);
    const resume = sqlite.prepare("select resume_section, updated_at from enrolments where id = ?");
    expect(resume.get(a.enrolment.id)).toEqual({ resume_section: 3, updated_at: expect.any(Number) });
  });
});

describe("skipping for now", () => {
  it("is for sections with a content note only: elsewhere it is refused and records nothing", () => {
    const a = organisation("North");
    const at = (section: number) =>
      learnerPlace(a.ctx, { enrolmentId: a.enrolment.id, moduleVersionId: a.module.versionId, section });
    const before = rows();
    expect(() => recordStep(a.ctx, at(1), "skipped")).toThrow(NOTHING_TO_SKIP);
    expect(() => recordStep(a.ctx, at(2), "skipped")).toThrow(InvalidError);
    expect(rows()).toEqual(before);
    expect(recordStep(a.ctx, at(3), "skipped")).toBeNull();
  });

  it("cannot complete a course alone: every section without a content note must be read", () => {
    const a = organisation("North");
    const steps = learnerIn(database.db, a.learner.actor, a.enrolment.id);
    for (const section of [1, 2, 3]) {
      try {
        steps.view(a.module.versionId, section, "skipped");
      } catch {
        // Refused where there is no content note.
      }
    }
    expect(certificate(contextFor(database.db, a.learner.actor), a.enrolment.id)).toBeNull();
    expect(courseOutline(contextFor(database.db, a.learner.actor), a.enrolment.id).completedAt).toBeNull();
  });
});

describe("the journal", () => {
  it("keeps an answer to the same prompt in two courses as two entries, each labelled with its course", () => {
    const a = organisation("North");
    const place = (enrolmentId: string) =>
      learnerPlace(a.ctx, { enrolmentId, moduleVersionId: a.module.versionId, section: 1 });
    reflect(a.ctx, place(a.enrolment.id), { promptId: "r-1", body: "Written in the essentials course." });
    reflect(a.ctx, place(a.again.id), { promptId: "r-1", body: "Written in the refresher." });
    const journal = listJournal(contextFor(database.db, a.learner.actor));
    expect(journal.map((e) => [e.context, e.body]).sort()).toEqual([
      ["North essentials: North module", "Written in the essentials course."],
      ["North refresher: North module", "Written in the refresher."],
    ]);

    // Saving again in one course changes that course's entry only, and each page shows its own.
    reflect(a.ctx, place(a.enrolment.id), { promptId: "r-1", body: "Changed in the essentials course." });
    const page = (enrolmentId: string) =>
      sectionPage(a.ctx, place(enrolmentId)).parts.find((p) => p.kind === "reflection");
    expect(page(a.enrolment.id)).toMatchObject({ saved: "Changed in the essentials course." });
    expect(page(a.again.id)).toMatchObject({ saved: "Written in the refresher." });
    expect(listJournal(contextFor(database.db, a.learner.actor))).toHaveLength(2);
  });
});

describe("the course outline", () => {
  it("continues at the next section not yet done, not the one last read", () => {
    const a = organisation("North");
    const steps = learnerIn(database.db, a.learner.actor, a.enrolment.id);
    const resume = () => courseOutline(contextFor(database.db, a.learner.actor), a.enrolment.id).resume;
    expect(resume()).toEqual({ moduleVersionId: a.module.versionId, section: 1 });
    steps.view(a.module.versionId, 1);
    expect(resume()).toEqual({ moduleVersionId: a.module.versionId, section: 2 });
    // Part-way through a section (a wrong answer, not yet read to the end): back to that section.
    steps.answer(a.module.versionId, 2, "kc-1", ["kc-1-wrong"]);
    expect(resume()).toEqual({ moduleVersionId: a.module.versionId, section: 2 });
    steps.view(a.module.versionId, 2);
    steps.view(a.module.versionId, 3, "skipped");
    // Everything read, but the check is still to be answered right: back to it.
    expect(resume()).toEqual({ moduleVersionId: a.module.versionId, section: 2 });
  });

  it("shows a module begun on an earlier version as in progress after the cohort moves to a newer one", () => {
    const a = organisation("North");
    const { db } = database;
    const cohort = createCohort(contextFor(db, a.sam.actor), {
      name: "Spring",
      description: "",
      startsOn: "2026-01-05",
      endsOn: null,
    });
    const learner = a.org.member(["learner"], "Moved Learner");
    joinCohort(db, a.org.org.id, cohort.id, learner.user.id);
    const assignment = assign(contextFor(db, a.sam.actor), cohort.id, { target: `course:${a.first.id}`, dueOn: null });
    const enrolmentId = db.select().from(enrolments).where(eq(enrolments.userId, learner.user.id)).get()?.id ?? "";
    learnerIn(db, learner.actor, enrolmentId).view(a.module.versionId, 1);

    const module = getModule(db, a.module.moduleId);
    if (!module) throw new Error("module missing");
    createModuleVersion(db, { module, doc: MODULE, changelog: "Clearer words.", publishedBy: a.fran.user.id });
    updateCourseModule(contextFor(db, a.sam.actor), a.first.id, a.module.moduleId);
    publishCourse(contextFor(db, a.sam.actor), a.first.id, "Clearer words.");
    expect(moveToLatestVersion(contextFor(db, a.sam.actor), cohort.id, assignment.id).moved).toBe(1);

    const outline = courseOutline(contextFor(db, learner.actor), enrolmentId);
    expect(outline.version).toBe(2);
    expect(outline.modules.map((m) => m.state)).toEqual(["in_progress"]);
  });
});
