import { contextFor } from "../auth/context";
import { assign } from "../cohorts/assignments";
import { createCohort, joinCohort, removeCohortMember } from "../cohorts/service";
import { addCourseModule, createCourse, publishCourse } from "../courses/service";
import type { DocJSON } from "../documents/json";
import { enrol } from "../learning/service";
import type { testDatabase } from "./database";
import { bold, p, part, text } from "./documents";
import { makeOrganisation } from "./fixtures";
import { learnerIn } from "./learner";
import { publishedModule } from "./published-module";

/** Shared by the xAPI tests: a cohort on a two-module course, with learners at known points. */

const heading = (title: string): DocJSON => ({ type: "heading", attrs: { level: 2 }, content: [text(title)] });
const option = (id: string, correct: boolean, answer: DocJSON[], feedback: string): DocJSON => ({
  type: "checkOption",
  attrs: { id, correct },
  content: [part("optionText", ...answer), { type: "optionFeedback", content: [text(feedback)] }],
});
/** The right answer is formatted and has an ampersand, so its plain text differs from its HTML. */
const check = (id: string, right: string, wrong: string): DocJSON => ({
  type: "knowledgeCheck",
  attrs: { id, multiple: false },
  content: [
    part("checkQuestion", text("Which is "), text("right", bold), text("?")),
    option(wrong, false, [text("Fix it for them")], "Not this one."),
    option(right, true, [text("Ask "), text("what they need", bold), text(" & listen")], "Yes."),
  ],
});

export const SENSITIVE_SECTION_TITLE = "When someone talks about ending their life";

/** Module A: a plain section with a check, then a section with a content note (skippable) and its own check. */
const MODULE_A: DocJSON = {
  type: "doc",
  content: [
    heading("Welcome"),
    p(text("Peer support is a relationship between equals.")),
    check("kc-plain", "kc-plain-right", "kc-plain-wrong"),
    heading(SENSITIVE_SECTION_TITLE),
    { type: "contentNote", attrs: { topics: ["suicide"], customTopic: "" }, content: [text("About suicide.")] },
    p(text("Stay with the person and ask directly.")),
    check("kc-hard", "kc-hard-right", "kc-hard-wrong"),
  ],
};
const MODULE_B: DocJSON = { type: "doc", content: [heading("Only section"), p(text("Supervision is for you."))] };

/**
 * Ann skips module A's content-noted section; Bea reads it and answers its check; both finish the
 * course. Cal has only started, Gus left the cohort, Hal is in another cohort on the same course.
 */
export function cohortWithProgress(db: ReturnType<typeof testDatabase>["db"]) {
  const org = makeOrganisation(db);
  const fran = org.member(["facilitator"], "Fran Mills");
  const sam = org.member(["trainer"], "Sam Taylor");
  const a = publishedModule(db, { orgId: org.org.id, by: fran.user.id, title: "Listening well", doc: MODULE_A });
  const b = publishedModule(db, {
    orgId: org.org.id,
    by: fran.user.id,
    title: "Looking after yourself",
    doc: MODULE_B,
  });
  const course = createCourse(contextFor(db, sam.actor), { title: "Essentials", description: "", openToAll: false });
  addCourseModule(contextFor(db, sam.actor), course.id, a.moduleId);
  addCourseModule(contextFor(db, sam.actor), course.id, b.moduleId);
  publishCourse(contextFor(db, sam.actor), course.id, "First version.");
  const cohort = createCohort(contextFor(db, sam.actor), {
    name: "Spring group",
    description: "",
    startsOn: "2026-01-05",
    endsOn: null,
  });
  const other = createCohort(contextFor(db, sam.actor), {
    name: "Autumn group",
    description: "",
    startsOn: "2026-09-07",
    endsOn: null,
  });

  const learner = (name: string, cohortId = cohort.id) => {
    const person = org.member(["learner"], name);
    joinCohort(db, org.org.id, cohortId, person.user.id);
    return person;
  };
  const ann = learner("Ann Achebe");
  const bea = learner("Bea Brightwater");
  const cal = learner("Cal Cunningham");
  const gus = learner("Gus Gallagher");
  const hal = learner("Hal Hardcastle", other.id);
  const assignment = assign(contextFor(db, sam.actor), cohort.id, { target: `course:${course.id}`, dueOn: null });
  const otherAssignment = assign(contextFor(db, sam.actor), other.id, { target: `course:${course.id}`, dueOn: null });

  type Person = typeof ann;
  const place = (person: Person) => {
    const enrolment = enrol(db, {
      orgId: org.org.id,
      userId: person.user.id,
      courseId: course.id,
      source: "assignment",
    });
    return learnerIn(db, person.actor, enrolment.id);
  };
  const section = (person: Person, versionId: string, index: number, kind: "viewed" | "skipped" = "viewed") => {
    place(person).view(versionId, index, kind);
  };
  const answer = (person: Person, index: number, checkId: string, chosen: string) => {
    place(person).answer(a.versionId, index, checkId, [chosen]);
  };

  section(ann, a.versionId, 1);
  answer(ann, 1, "kc-plain", "kc-plain-wrong");
  answer(ann, 1, "kc-plain", "kc-plain-right");
  section(ann, a.versionId, 2, "skipped");
  section(ann, b.versionId, 1);

  section(bea, a.versionId, 1);
  answer(bea, 1, "kc-plain", "kc-plain-wrong");
  answer(bea, 1, "kc-plain", "kc-plain-right");
  section(bea, a.versionId, 2);
  answer(bea, 2, "kc-hard", "kc-hard-right");
  section(bea, b.versionId, 1);

  section(cal, a.versionId, 2, "skipped");
  section(gus, a.versionId, 1);
  section(hal, b.versionId, 1);
  removeCohortMember(contextFor(db, sam.actor), cohort.id, gus.user.id);

  return {
    org,
    sam,
    course,
    cohort,
    assignment,
    otherCohort: other,
    otherAssignment,
    modules: { a, b },
    learners: { ann, bea, cal, gus, hal },
    section,
    answer,
  };
}
