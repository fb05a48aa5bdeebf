import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { assignments, auditEvents, courses, enrolments } from "../../db/schema";
import { contextFor } from "../auth/context";
import {
  addCourseModule,
  createCourse,
  publishCourse,
  removeCourseModule,
  setCourseArchived,
} from "../courses/service";
import type { DocJSON } from "../documents/json";
import { unreadNotices } from "../notices/service";
import { completedModules, progressOf } from "../progress/read";
import { createModuleVersion } from "../publishing/service";
import { InvalidError, NotFoundError } from "../shared/errors";
import { testDatabase } from "../testing/database";
import { p, text } from "../testing/documents";
import { makeOrganisation } from "../testing/fixtures";
import { learnerIn } from "../testing/learner";
import { publishedModule } from "../testing/published-module";
import { createModule, getModule } from "../workshop/service";
import {
  assign,
  changeDueDate,
  enrolInCohortAssignments,
  learnerAssignments,
  listAssignments,
  moveToLatestVersion,
  newerCourseVersions,
  removeAssignment,
} from "./assignments";
import { assignmentSchema } from "./schemas";
import { addCohortMember, createCohort, joinCohort, removeCohortMember } from "./service";

const heading = (title: string): DocJSON => ({ type: "heading", attrs: { level: 2 }, content: [text(title)] });
const sections = (...titles: string[]): DocJSON => ({
  type: "doc",
  content: titles.flatMap((title) => [heading(title), p(text(`About ${title.toLowerCase()}.`))]),
});

/** 15 January 2027, midday in London: "today" for every test that does not say otherwise. */
const NOW = new Date("2027-01-15T12:00:00Z");

let database: ReturnType<typeof testDatabase>;
beforeEach(() => {
  database = testDatabase();
});
afterEach(() => database.close());

/**
 * An organisation with modules A (two sections), B and C (one each), a published course "Essentials"
 * of A then B, and a cohort of Ann and Ben (Gus was in it and left).
 */
function setting(orgName = "Test Peer Service") {
  const { db } = database;
  const org = makeOrganisation(db, orgName);
  const fran = org.member(["facilitator"], "Fran Mills");
  const sam = org.member(["trainer"], "Sam Taylor");
  const publish = (title: string, doc: DocJSON) => ({
    ...publishedModule(db, { orgId: org.org.id, by: fran.user.id, title, doc, summary: `${title} in brief.` }),
    doc,
  });
  const a = publish("Module A", sections("Welcome", "Boundaries"));
  const b = publish("Module B", sections("Supervision"));
  const c = publish("Module C", sections("Rest"));
  const course = createCourse(contextFor(db, sam.actor), { title: "Essentials", description: "", openToAll: false });
  addCourseModule(contextFor(db, sam.actor), course.id, a.moduleId);
  addCourseModule(contextFor(db, sam.actor), course.id, b.moduleId);
  const v1 = publishCourse(contextFor(db, sam.actor), course.id, "First version.");
  const cohort = createCohort(contextFor(db, sam.actor), {
    name: "Spring group",
    description: "",
    startsOn: "2027-01-04",
    endsOn: null,
  });
  const learner = (name: string) => {
    const person = org.member(["learner"], name);
    joinCohort(db, org.org.id, cohort.id, person.user.id, NOW);
    return person;
  };
  const ann = learner("Ann Jones");
  const ben = learner("Ben Ode");
  const gus = learner("Gus Hart");
  removeCohortMember(contextFor(db, sam.actor, NOW), cohort.id, gus.user.id);

  const enrolmentOf = (person: { user: { id: string } }) =>
    db
      .select()
      .from(enrolments)
      .where(and(eq(enrolments.userId, person.user.id), eq(enrolments.courseId, course.id)))
      .get();
  /** Views every section of a module as the learner, through the course version they are taking. */
  const finish = (person: typeof ann, module: typeof a, sectionCount: number) => {
    const found = enrolmentOf(person);
    if (!found) throw new Error("not enrolled");
    for (let section = 1; section <= sectionCount; section += 1) {
      learnerIn(db, person.actor, found.id).view(module.versionId, section, "viewed", NOW);
    }
  };
  return { db, org, fran, sam, a, b, c, course, v1, cohort, ann, ben, gus, learner, enrolmentOf, finish };
}

/** The error a call throws, for checking its class, message and field together. */
function thrownBy(call: () => unknown): unknown {
  try {
    call();
  } catch (error) {
    return error;
  }
  throw new Error("expected a refusal");
}

describe("assignment form input", () => {
  it("takes a course or a module and an optional real date", () => {
    const id = "A".repeat(22);
    expect(assignmentSchema.parse({ target: `course:${id}`, dueOn: " 2027-03-01 " })).toEqual({
      target: `course:${id}`,
      dueOn: "2027-03-01",
    });
    expect(assignmentSchema.parse({ target: `module:${id}`, dueOn: "" })).toEqual({
      target: `module:${id}`,
      dueOn: null,
    });
    expect(assignmentSchema.safeParse({ target: `lesson:${id}` }).error?.issues[0]?.message).toBe(
      "Choose a course or a module.",
    );
    expect(assignmentSchema.safeParse({ target: `course:${id}`, dueOn: "2027-02-29" }).error?.issues[0]?.message).toBe(
      "Enter a real date, like 2027-03-01, or leave it empty.",
    );
  });
});

describe("assign", () => {
  it("gives a cohort the course's latest version with a due date, and enrols and tells each learner", () => {
    const { db, org, sam, course, v1, cohort, ann, ben, gus, enrolmentOf } = setting();

    const assignment = assign(contextFor(db, sam.actor, NOW), cohort.id, {
      target: `course:${course.id}`,
      dueOn: "2027-03-01",
    });

    expect(listAssignments(db, org.org.id, cohort.id)).toEqual([
      expect.objectContaining({
        id: assignment.id,
        courseId: course.id,
        courseVersionId: v1.id,
        title: "Essentials",
        version: 1,
        latestVersion: 1,
        dueOn: "2027-03-01",
        single: null,
      }),
    ]);
    for (const person of [ann, ben]) {
      expect(enrolmentOf(person)).toMatchObject({ courseVersionId: v1.id, source: "assignment", createdAt: NOW });
      expect(unreadNotices(db, org.org.id, person.user.id)).toEqual([
        expect.objectContaining({
          kind: "assignment",
          title: "New training for you: Essentials",
          body: "Please finish it by 1 March 2027.",
          link: "/learn",
        }),
      ]);
    }
    // Someone who left the cohort is neither enrolled nor told.
    expect(enrolmentOf(gus)).toBeUndefined();
    expect(unreadNotices(db, org.org.id, gus.user.id)).toEqual([]);
    const audit = db.select().from(auditEvents).where(eq(auditEvents.action, "assignment.created")).all();
    expect(audit.map((e) => [e.targetId, e.detail])).toEqual([[cohort.id, { courseId: course.id }]]);
  });

  it("says there is no due date when none was given", () => {
    const { db, org, sam, course, cohort, ann } = setting();
    assign(contextFor(db, sam.actor, NOW), cohort.id, { target: `course:${course.id}`, dueOn: null });
    expect(listAssignments(db, org.org.id, cohort.id)[0]?.dueOn).toBeNull();
    expect(unreadNotices(db, org.org.id, ann.user.id)[0]?.body).toBe("There is no due date: go at your own pace.");
  });

  it("accepts today as the due date", () => {
    const { db, org, sam, course, cohort } = setting();
    assign(contextFor(db, sam.actor, NOW), cohort.id, { target: `course:${course.id}`, dueOn: "2027-01-15" });
    expect(listAssignments(db, org.org.id, cohort.id).map((a) => a.dueOn)).toEqual(["2027-01-15"]);
  });

  it("refuses a due date in the past, on the due date field, and changes nothing", () => {
    const { db, org, sam, course, cohort, ann, enrolmentOf } = setting();
    const refusal = thrownBy(() =>
      assign(contextFor(db, sam.actor, NOW), cohort.id, { target: `course:${course.id}`, dueOn: "2027-01-14" }),
    );
    expect(refusal).toBeInstanceOf(InvalidError);
    expect(refusal).toMatchObject({
      message: "The due date is in the past. Choose today or a later date, or leave it empty.",
      field: "dueOn",
    });
    expect(listAssignments(db, org.org.id, cohort.id)).toEqual([]);
    expect(enrolmentOf(ann)).toBeUndefined();
    expect(unreadNotices(db, org.org.id, ann.user.id)).toEqual([]);
  });

  it("judges the past by the day in London, not in UTC", () => {
    const { db, org, sam, course, cohort } = setting();
    // 23:30 UTC on 30 June is already 1 July in London (summer time).
    const lateEvening = new Date("2027-06-30T23:30:00Z");
    expect(() =>
      assign(contextFor(db, sam.actor, lateEvening), cohort.id, { target: `course:${course.id}`, dueOn: "2027-06-30" }),
    ).toThrow("The due date is in the past.");
    assign(contextFor(db, sam.actor, lateEvening), cohort.id, { target: `course:${course.id}`, dueOn: "2027-07-01" });
    expect(listAssignments(db, org.org.id, cohort.id).map((a) => a.dueOn)).toEqual(["2027-07-01"]);
  });

  it("refuses a course that has not been published", () => {
    const { db, org, sam, a, cohort } = setting();
    const draft = createCourse(contextFor(db, sam.actor), { title: "Draft", description: "", openToAll: false });
    addCourseModule(contextFor(db, sam.actor), draft.id, a.moduleId);
    const refusal = thrownBy(() =>
      assign(contextFor(db, sam.actor, NOW), cohort.id, { target: `course:${draft.id}`, dueOn: null }),
    );
    expect(refusal).toBeInstanceOf(InvalidError);
    expect(refusal).toMatchObject({
      message: "That course has not been published yet. Publish it first, then assign it.",
      field: "target",
    });
    expect(listAssignments(db, org.org.id, cohort.id)).toEqual([]);
  });

  it("refuses an archived course", () => {
    const { db, sam, course, cohort } = setting();
    setCourseArchived(contextFor(db, sam.actor), course.id, true);
    expect(() =>
      assign(contextFor(db, sam.actor, NOW), cohort.id, { target: `course:${course.id}`, dueOn: null }),
    ).toThrow("That course has not been published yet.");
  });

  it("refuses a course of another organisation, or one that does not exist", () => {
    const { db, org, sam, cohort, ann, enrolmentOf } = setting();
    const theirs = setting("Another Service");
    for (const courseId of [theirs.course.id, "x".repeat(22)]) {
      const refusal = thrownBy(() =>
        assign(contextFor(db, sam.actor, NOW), cohort.id, { target: `course:${courseId}`, dueOn: null }),
      );
      expect(refusal).toBeInstanceOf(InvalidError);
      expect(refusal).toMatchObject({ message: "Choose a course from the list.", field: "target" });
    }
    expect(listAssignments(db, org.org.id, cohort.id)).toEqual([]);
    expect(enrolmentOf(ann)).toBeUndefined();
  });

  it("does not find a cohort of another organisation", () => {
    const { db, sam, course } = setting();
    const theirs = setting("Another Service");
    expect(() =>
      assign(contextFor(db, sam.actor, NOW), theirs.cohort.id, { target: `course:${course.id}`, dueOn: null }),
    ).toThrow(NotFoundError);
    expect(listAssignments(db, theirs.org.org.id, theirs.cohort.id)).toEqual([]);
  });

  it("refuses the same course twice", () => {
    const { db, org, sam, course, cohort } = setting();
    assign(contextFor(db, sam.actor, NOW), cohort.id, { target: `course:${course.id}`, dueOn: null });
    expect(() =>
      assign(contextFor(db, sam.actor, NOW), cohort.id, { target: `course:${course.id}`, dueOn: "2027-05-01" }),
    ).toThrow("This cohort already has that training. Change its due date instead.");
    expect(listAssignments(db, org.org.id, cohort.id)).toHaveLength(1);
  });
});

describe("assigning a single module", () => {
  it("wraps it in a hidden one-module course that cohorts given the same version share", () => {
    const { db, org, sam, a, cohort, ann, enrolmentOf } = setting();
    const autumn = createCohort(contextFor(db, sam.actor), {
      name: "Autumn",
      description: "",
      startsOn: "2027-09-06",
      endsOn: null,
    });

    assign(contextFor(db, sam.actor, NOW), cohort.id, { target: `module:${a.moduleId}`, dueOn: null });
    assign(contextFor(db, sam.actor, NOW), autumn.id, { target: `module:${a.moduleId}`, dueOn: null });

    const [spring] = listAssignments(db, org.org.id, cohort.id);
    const [other] = listAssignments(db, org.org.id, autumn.id);
    expect(spring).toMatchObject({ title: "Module A", version: 1, single: a.moduleId });
    expect(spring?.items).toEqual([{ moduleId: a.moduleId, moduleVersionId: a.versionId }]);
    expect(other?.courseId).toBe(spring?.courseId);
    expect(other?.courseVersionId).toBe(spring?.courseVersionId);
    const hidden = db.select().from(courses).where(eq(courses.singleModuleId, a.moduleId)).all();
    expect(hidden).toHaveLength(1);
    expect(hidden[0]).toMatchObject({ title: "Module A", description: "Module A in brief.", status: "published" });
    // Ann is enrolled in the wrapper, not in any composed course.
    const enrolled = db.select().from(enrolments).where(eq(enrolments.userId, ann.user.id)).all();
    expect(enrolled.map((e) => e.courseId)).toEqual([spring?.courseId]);
    expect(enrolmentOf(ann)).toBeUndefined();
  });

  it("gives the wrapper a new version when the module has a newer one", () => {
    const { db, org, sam, fran, a, cohort } = setting();
    const autumn = createCohort(contextFor(db, sam.actor), {
      name: "Autumn",
      description: "",
      startsOn: "2027-09-06",
      endsOn: null,
    });
    assign(contextFor(db, sam.actor, NOW), cohort.id, { target: `module:${a.moduleId}`, dueOn: null });
    const module = getModule(db, a.moduleId);
    if (!module) throw new Error("module missing");
    const second = createModuleVersion(db, { module, doc: a.doc, changelog: "Clearer.", publishedBy: fran.user.id });

    assign(contextFor(db, sam.actor, NOW), autumn.id, { target: `module:${a.moduleId}`, dueOn: null });

    const [spring] = listAssignments(db, org.org.id, cohort.id);
    const [other] = listAssignments(db, org.org.id, autumn.id);
    expect(other?.courseId).toBe(spring?.courseId);
    expect(other).toMatchObject({ version: 2, items: [{ moduleId: a.moduleId, moduleVersionId: second.id }] });
    // The first cohort stays where it was, and can see it is one version behind.
    expect(spring).toMatchObject({ version: 1, latestVersion: 2 });
  });

  it("refuses a module that was never published, or one of another organisation", () => {
    const { db, org, sam, fran, cohort } = setting();
    const theirs = setting("Another Service");
    const { id: unpublished } = createModule(db, {
      orgId: org.org.id,
      createdBy: fran.user.id,
      title: "Still a draft",
      topic: "boundaries",
      customTopic: "",
      summary: "",
      estimatedMinutes: 5,
      doc: sections("Draft"),
    });
    for (const moduleId of [unpublished, theirs.a.moduleId]) {
      const refusal = thrownBy(() =>
        assign(contextFor(db, sam.actor, NOW), cohort.id, { target: `module:${moduleId}`, dueOn: null }),
      );
      expect(refusal).toBeInstanceOf(InvalidError);
      expect(refusal).toMatchObject({ message: "That module has not been published yet.", field: "target" });
    }
    expect(listAssignments(db, org.org.id, cohort.id)).toEqual([]);
    expect(db.select().from(courses).where(eq(courses.orgId, org.org.id)).all()).toHaveLength(1);
  });
});

describe("learners joining a cohort with assignments", () => {
  it("are enrolled in everything assigned and told about each", () => {
    const { db, org, sam, a, course, cohort, enrolmentOf } = setting();
    assign(contextFor(db, sam.actor, NOW), cohort.id, { target: `course:${course.id}`, dueOn: "2027-03-01" });
    assign(contextFor(db, sam.actor, NOW), cohort.id, { target: `module:${a.moduleId}`, dueOn: null });
    const cat = org.member(["learner"], "Cat Lee");

    addCohortMember(contextFor(db, sam.actor, NOW), cohort.id, cat.user.id);

    expect(enrolmentOf(cat)).toMatchObject({ source: "assignment" });
    const courseIds = db
      .select({ courseId: enrolments.courseId })
      .from(enrolments)
      .where(eq(enrolments.userId, cat.user.id))
      .all()
      .map((e) => e.courseId);
    expect(courseIds.sort()).toEqual(
      listAssignments(db, org.org.id, cohort.id)
        .map((x) => x.courseId)
        .sort(),
    );
    expect(
      unreadNotices(db, org.org.id, cat.user.id)
        .map((n) => [n.title, n.body])
        .sort(),
    ).toEqual([
      ["New training for you: Essentials", "Please finish it by 1 March 2027."],
      ["New training for you: Module A", "There is no due date: go at your own pace."],
    ]);
  });

  it("keep an enrolment they already had", () => {
    const { db, org, sam, course, cohort, ann, enrolmentOf } = setting();
    assign(contextFor(db, sam.actor, NOW), cohort.id, { target: `course:${course.id}`, dueOn: null });
    const before = enrolmentOf(ann);
    enrolInCohortAssignments(db, org.org.id, cohort.id, [ann.user.id], new Date("2027-02-01T10:00:00Z"));
    expect(enrolmentOf(ann)).toEqual(before);
    expect(db.select().from(enrolments).where(eq(enrolments.userId, ann.user.id)).all()).toHaveLength(1);
  });

  it("are told nothing by a cohort with no assignments", () => {
    const { db, org, cohort } = setting();
    const cat = org.member(["learner"], "Cat Lee");
    joinCohort(db, org.org.id, cohort.id, cat.user.id, NOW);
    expect(unreadNotices(db, org.org.id, cat.user.id)).toEqual([]);
  });

  it("are enrolled in the version the cohort was given, not a newer one it has not moved to", () => {
    const { db, sam, course, v1, c, cohort, learner, enrolmentOf } = setting();
    assign(contextFor(db, sam.actor, NOW), cohort.id, { target: `course:${course.id}`, dueOn: null });
    addCourseModule(contextFor(db, sam.actor), course.id, c.moduleId);
    const v2 = publishCourse(contextFor(db, sam.actor), course.id, "Added a module on rest.");
    expect(v2.id).not.toBe(v1.id);
    const cat = learner("Cat Lee");
    expect(enrolmentOf(cat)?.courseVersionId).toBe(v1.id);
  });
});

describe("learnerAssignments", () => {
  it("lists the course with its cohort and due date for each learner in the cohort", () => {
    const { db, org, sam, course, cohort, ann, gus } = setting();
    assign(contextFor(db, sam.actor, NOW), cohort.id, { target: `course:${course.id}`, dueOn: "2027-03-01" });
    expect(learnerAssignments(db, org.org.id, ann.user.id)).toEqual([
      { courseId: course.id, dueOn: "2027-03-01", cohortId: cohort.id, cohortName: "Spring group" },
    ]);
    expect(learnerAssignments(db, org.org.id, gus.user.id)).toEqual([]);
  });

  it("lists the course once per cohort that gives it, and drops a cohort the learner left", () => {
    const { db, org, sam, course, cohort, ann } = setting();
    const autumn = createCohort(contextFor(db, sam.actor), {
      name: "Autumn",
      description: "",
      startsOn: "2027-09-06",
      endsOn: null,
    });
    joinCohort(db, org.org.id, autumn.id, ann.user.id, NOW);
    assign(contextFor(db, sam.actor, NOW), cohort.id, { target: `course:${course.id}`, dueOn: "2027-03-01" });
    assign(contextFor(db, sam.actor, NOW), autumn.id, { target: `course:${course.id}`, dueOn: "2027-10-01" });

    const listed = () =>
      learnerAssignments(db, org.org.id, ann.user.id)
        .map((a) => [a.cohortName, a.dueOn])
        .sort();
    expect(listed()).toEqual([
      ["Autumn", "2027-10-01"],
      ["Spring group", "2027-03-01"],
    ]);
    removeCohortMember(contextFor(db, sam.actor), cohort.id, ann.user.id);
    expect(listed()).toEqual([["Autumn", "2027-10-01"]]);
  });

  it("lists nothing from another organisation", () => {
    const { db, sam, course, cohort, ann } = setting();
    const theirs = setting("Another Service");
    assign(contextFor(db, sam.actor, NOW), cohort.id, { target: `course:${course.id}`, dueOn: null });
    expect(learnerAssignments(db, theirs.org.org.id, ann.user.id)).toEqual([]);
  });
});

describe("changing and removing an assignment", () => {
  it("changes the due date, clears it, and refuses a new date in the past", () => {
    const { db, org, sam, course, cohort } = setting();
    const { id } = assign(contextFor(db, sam.actor, NOW), cohort.id, {
      target: `course:${course.id}`,
      dueOn: "2027-03-01",
    });
    const due = () => listAssignments(db, org.org.id, cohort.id)[0]?.dueOn;

    changeDueDate(contextFor(db, sam.actor, NOW), cohort.id, id, "2027-04-01");
    expect(due()).toBe("2027-04-01");
    const refusal = thrownBy(() => changeDueDate(contextFor(db, sam.actor, NOW), cohort.id, id, "2027-01-01"));
    expect(refusal).toMatchObject({
      message: "The due date is in the past. Choose today or a later date, or leave it empty.",
      field: "dueOn",
    });
    expect(due()).toBe("2027-04-01");
    changeDueDate(contextFor(db, sam.actor, NOW), cohort.id, id, null);
    expect(due()).toBeNull();
  });

  it("lets a due date that has since passed be saved again unchanged", () => {
    const { db, org, sam, course, cohort } = setting();
    const { id } = assign(contextFor(db, sam.actor, NOW), cohort.id, {
      target: `course:${course.id}`,
      dueOn: "2027-02-01",
    });
    const later = new Date("2027-03-10T12:00:00Z");
    changeDueDate(contextFor(db, sam.actor, later), cohort.id, id, "2027-02-01");
    expect(() => changeDueDate(contextFor(db, sam.actor, later), cohort.id, id, "2027-02-02")).toThrow(InvalidError);
    expect(listAssignments(db, org.org.id, cohort.id)[0]?.dueOn).toBe("2027-02-01");
  });

  it("does not find another organisation's assignment", () => {
    const { db, cohort, sam } = setting();
    const theirs = setting("Another Service");
    const { id } = assign(contextFor(db, theirs.sam.actor, NOW), theirs.cohort.id, {
      target: `course:${theirs.course.id}`,
      dueOn: "2027-03-01",
    });
    expect(() => changeDueDate(contextFor(db, sam.actor, NOW), cohort.id, id, "2027-05-01")).toThrow(
      "That assignment could not be found.",
    );
    expect(() => removeAssignment(contextFor(db, sam.actor), cohort.id, id)).toThrow(NotFoundError);
    expect(() => moveToLatestVersion(contextFor(db, sam.actor, NOW), cohort.id, id)).toThrow(NotFoundError);
    expect(listAssignments(db, theirs.org.org.id, theirs.cohort.id).map((a) => a.dueOn)).toEqual(["2027-03-01"]);
  });

  it("does not find an assignment of another cohort through this one", () => {
    const { db, org, sam, course, cohort } = setting();
    const trainer = contextFor(db, sam.actor, NOW);
    const autumn = createCohort(trainer, { name: "Autumn", description: "", startsOn: "2027-09-06", endsOn: null });
    const { id } = assign(trainer, autumn.id, { target: `course:${course.id}`, dueOn: "2027-03-01" });
    expect(() => changeDueDate(trainer, cohort.id, id, "2027-05-01")).toThrow("That assignment could not be found.");
    expect(() => removeAssignment(trainer, cohort.id, id)).toThrow(NotFoundError);
    expect(() => moveToLatestVersion(trainer, cohort.id, id)).toThrow(NotFoundError);
    expect(listAssignments(db, org.org.id, autumn.id).map((a) => a.dueOn)).toEqual(["2027-03-01"]);
  });

  it("removes an assignment but leaves learners' enrolments", () => {
    const { db, sam, course, cohort, ann, enrolmentOf } = setting();
    const { id } = assign(contextFor(db, sam.actor, NOW), cohort.id, { target: `course:${course.id}`, dueOn: null });
    removeAssignment(contextFor(db, sam.actor), cohort.id, id);
    expect(db.select().from(assignments).where(eq(assignments.id, id)).all()).toEqual([]);
    expect(enrolmentOf(ann)).toBeDefined();
  });
});

describe("moving a cohort to the latest course version", () => {
  it("moves learners still working, keeps the modules they completed, and leaves those who finished", () => {
    const { db, org, sam, a, b, c, course, v1, cohort, ann, ben, learner, enrolmentOf, finish } = setting();
    const { id } = assign(contextFor(db, sam.actor, NOW), cohort.id, { target: `course:${course.id}`, dueOn: null });
    const cat = learner("Cat Lee");
    finish(ann, a, 2);
    finish(ben, a, 2);
    finish(ben, b, 1);
    const annEnrolment = enrolmentOf(ann);
    const benEnrolment = enrolmentOf(ben);
    if (!annEnrolment || !benEnrolment) throw new Error("not enrolled");
    expect(progressOf(db, benEnrolment.id).courseCompletedAt).toEqual(NOW);

    addCourseModule(contextFor(db, sam.actor), course.id, c.moduleId);
    const v2 = publishCourse(contextFor(db, sam.actor), course.id, "Added a module on rest.");
    expect(listAssignments(db, org.org.id, cohort.id)[0]).toMatchObject({ version: 1, latestVersion: 2 });
    expect(newerCourseVersions(db, org.org.id, course.id, 1)).toEqual([
      { id: v2.id, version: 2, changelog: "Added a module on rest." },
    ]);

    const later = new Date("2027-02-01T10:00:00Z");
    expect(moveToLatestVersion(contextFor(db, sam.actor, later), cohort.id, id)).toEqual({ moved: 2 });

    expect(listAssignments(db, org.org.id, cohort.id)[0]).toMatchObject({ courseVersionId: v2.id, version: 2 });
    expect(enrolmentOf(ann)).toMatchObject({
      courseVersionId: v2.id,
      resumeModuleVersionId: null,
      resumeSection: null,
      updatedAt: later,
    });
    expect(enrolmentOf(cat)?.courseVersionId).toBe(v2.id);
    const annProgress = progressOf(db, annEnrolment.id);
    expect([...completedModules(annProgress)]).toEqual([a.moduleId]);
    expect(annProgress.courseCompletedAt).toBeNull();
    // Ben finished version 1 and keeps it.
    expect(enrolmentOf(ben)?.courseVersionId).toBe(v1.id);
    expect(progressOf(db, benEnrolment.id).courseCompletedAt).toEqual(NOW);

    const updates = (person: typeof ann) =>
      unreadNotices(db, org.org.id, person.user.id).filter((n) => n.kind === "course_updated");
    for (const person of [ann, cat]) {
      expect(updates(person)).toEqual([
        expect.objectContaining({
          title: "Essentials has a new version (2)",
          body: "What changed: version 2: Added a module on rest. Everything you already completed still counts.",
        }),
      ]);
    }
    expect(updates(ben)).toEqual([]);
  });

  it("completes the course for a learner whose remaining module the new version leaves out", () => {
    const { db, sam, a, b, course, cohort, ann, enrolmentOf, finish } = setting();
    const { id } = assign(contextFor(db, sam.actor, NOW), cohort.id, { target: `course:${course.id}`, dueOn: null });
    finish(ann, a, 2);
    removeCourseModule(contextFor(db, sam.actor), course.id, b.moduleId);
    publishCourse(contextFor(db, sam.actor), course.id, "Supervision moved to its own course.");
    const later = new Date("2027-02-01T10:00:00Z");

    moveToLatestVersion(contextFor(db, sam.actor, later), cohort.id, id);

    const enrolment = enrolmentOf(ann);
    if (!enrolment) throw new Error("not enrolled");
    expect(progressOf(db, enrolment.id).courseCompletedAt).toEqual(later);
  });

  it("moves nobody when the cohort already has the latest version", () => {
    const { db, org, sam, course, cohort, ann } = setting();
    const { id } = assign(contextFor(db, sam.actor, NOW), cohort.id, { target: `course:${course.id}`, dueOn: null });
    expect(moveToLatestVersion(contextFor(db, sam.actor, NOW), cohort.id, id)).toEqual({ moved: 0 });
    expect(unreadNotices(db, org.org.id, ann.user.id).map((n) => n.kind)).toEqual(["assignment"]);
  });

  it("does not move a learner who left the cohort", () => {
    const { db, sam, course, v1, cohort, ann, ben, enrolmentOf } = setting();
    const { id } = assign(contextFor(db, sam.actor, NOW), cohort.id, { target: `course:${course.id}`, dueOn: null });
    removeCohortMember(contextFor(db, sam.actor, NOW), cohort.id, ann.user.id);
    const v2 = publishCourse(contextFor(db, sam.actor), course.id, "Small fixes.");

    expect(moveToLatestVersion(contextFor(db, sam.actor, NOW), cohort.id, id)).toEqual({ moved: 1 });
    expect(enrolmentOf(ann)?.courseVersionId).toBe(v1.id);
    expect(enrolmentOf(ben)?.courseVersionId).toBe(v2.id);
  });
});
