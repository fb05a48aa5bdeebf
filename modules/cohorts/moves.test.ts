import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cohortMoveRequests } from "../../db/schema";
import { contextFor } from "../auth/context";
import { askToMove, movePage, myLearningPage } from "../learner-home/index";
import { unreadNotices } from "../notices/service";
import { InvalidError, NotFoundError } from "../shared/errors";
import { testDatabase } from "../testing/database";
import { p, text } from "../testing/documents";
import { makeOrganisation } from "../testing/fixtures";
import { learnerIn } from "../testing/learner";
import { publishedModule } from "../testing/published-module";
import { assign } from "./assignments";
import { progressPage } from "./dashboard";
import { downloadProgress } from "./export";
import { keepLearner, moveLearner } from "./moves";
import { createCohort, joinCohort, learnersPage } from "./service";

const DOC = {
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 2 }, content: [text("One")] },
    p(text("First.")),
    { type: "heading", attrs: { level: 2 }, content: [text("Two")] },
    p(text("Second.")),
  ],
};
const NOW = new Date("2027-02-01T10:00:00Z");
const REASON = "A man facilitates this group and I cannot be in a room with him.";

let t: ReturnType<typeof testDatabase>;
beforeEach(() => {
  t = testDatabase();
});
afterEach(() => t.close());

/** Two cohorts of an organisation given the same module, and a learner part way through it in the first. */
function twoCohorts(name = "Test Peer Service") {
  const { db } = t;
  const org = makeOrganisation(db, name);
  const sam = org.member(["trainer"], "Sam Taylor");
  const robin = org.member(["learner"], "Robin Learner");
  const trainer = contextFor(db, sam.actor, NOW);
  const cohort = (n: string, endsOn: string | null = null) =>
    createCohort(trainer, { name: n, description: "", startsOn: "2027-01-04", endsOn });
  const winter = cohort("Winter group");
  const spring = cohort("Spring group");
  const finished = cohort("Autumn group", "2027-01-20");
  const { moduleId, versionId } = publishedModule(db, {
    orgId: org.org.id,
    by: sam.user.id,
    title: "Boundaries",
    doc: DOC,
  });
  const winterAssignment = assign(trainer, winter.id, { target: `module:${moduleId}`, dueOn: null });
  const springAssignment = assign(trainer, spring.id, { target: `module:${moduleId}`, dueOn: null });
  joinCohort(db, org.org.id, winter.id, robin.user.id);
  const learner = contextFor(db, robin.actor, NOW);
  const enrolmentId = myLearningPage(learner).courses[0]?.enrolmentId ?? "";
  learnerIn(db, robin.actor, enrolmentId).view(versionId, 1);
  return {
    org,
    trainer,
    learner,
    robinId: robin.user.id,
    winter,
    spring,
    finished,
    winterAssignment,
    springAssignment,
  };
}

describe("asking to move to another cohort", () => {
  it("lets the learner choose among the cohorts still running, each with its facilitators", () => {
    const { learner, winter, spring } = twoCohorts();
    const page = movePage(learner, winter.id);
    expect(page.from).toEqual({ id: winter.id, name: "Winter group" });
    // The finished Autumn group is not offered, nor the learner's own.
    expect(page.cohorts.map((c) => c.id)).toEqual([spring.id]);
    expect(page.cohorts[0]).toMatchObject({ name: "Spring group", facilitators: [] });
    expect(page.asked).toBeNull();
  });

  it("shows the request, with its reason, to the trainer, who moves the learner keeping their progress", () => {
    const { trainer, learner, robinId, winter, spring, winterAssignment, springAssignment } = twoCohorts();
    askToMove(learner, winter.id, { toCohortId: spring.id, reason: REASON });
    expect(movePage(learner, winter.id).asked).toMatchObject({ toCohortId: spring.id, toCohortName: "Spring group" });
    const [request] = learnersPage(trainer, winter.id).moveRequests;
    expect(request).toMatchObject({
      userId: robinId,
      name: "Robin Learner",
      toCohortName: "Spring group",
      reason: REASON,
    });
    // The reason never leaves the trainer's page: the progress export does not carry it.
    const { csv } = downloadProgress(trainer, winter.id, winterAssignment.id, { ip: null });
    expect(csv).toContain("Robin Learner");
    expect(csv).not.toContain("cannot be in a room");

    moveLearner(trainer, winter.id, request?.id ?? "");
    expect(learnersPage(trainer, winter.id).members).toEqual([]);
    expect(learnersPage(trainer, winter.id).moveRequests).toEqual([]);
    expect(learnersPage(trainer, spring.id).members.map((m) => m.userId)).toEqual([robinId]);
    const dashboard = progressPage(trainer, spring.id, { assignment: springAssignment.id }).dashboard;
    expect(dashboard?.rows).toMatchObject([{ userId: robinId, states: ["in_progress"] }]);
    expect(myLearningPage(learner).courses[0]).toMatchObject({ state: "in_progress", cohort: { id: spring.id } });
    expect(unreadNotices(t.db, learner.actor.orgId, robinId)[0]).toMatchObject({
      title: "You are now in Spring group",
    });
    // The request is settled: it cannot move them twice.
    expect(() => moveLearner(trainer, winter.id, request?.id ?? "")).toThrow(NotFoundError);
  });

  it("keeps the learner where they are when the trainer says so, and a request needs no reason", () => {
    const { trainer, learner, robinId, winter, spring } = twoCohorts();
    askToMove(learner, winter.id, { toCohortId: spring.id, reason: "" });
    const [request] = learnersPage(trainer, winter.id).moveRequests;
    expect(request?.reason).toBe("");
    keepLearner(trainer, winter.id, request?.id ?? "");
    expect(learnersPage(trainer, winter.id).members.map((m) => m.userId)).toEqual([robinId]);
    expect(learnersPage(trainer, winter.id).moveRequests).toEqual([]);
  });

  it("refuses a cohort of another organisation, a finished one and the learner's own, with a message on the choice", () => {
    const ours = twoCohorts("Ours");
    const theirs = twoCohorts("Theirs");
    const refused = (toCohortId: string) => {
      try {
        askToMove(ours.learner, ours.winter.id, { toCohortId, reason: REASON });
      } catch (error) {
        if (!(error instanceof InvalidError)) throw error;
        return { field: error.field, message: error.message };
      }
      throw new Error("not refused");
    };
    expect(refused(theirs.spring.id)).toEqual({
      field: "toCohortId",
      message: "Choose one of the cohorts listed here.",
    });
    expect(refused(ours.finished.id)).toEqual({
      field: "toCohortId",
      message: "That cohort has already finished. Choose one that is still running.",
    });
    expect(refused(ours.winter.id).field).toBe("toCohortId");
    expect(t.db.select().from(cohortMoveRequests).all()).toEqual([]);
    // A cohort the learner is not in is not theirs to ask about.
    expect(() => askToMove(ours.learner, theirs.winter.id, { toCohortId: ours.spring.id, reason: "" })).toThrow(
      NotFoundError,
    );
    expect(() => movePage(ours.learner, ours.spring.id)).toThrow(NotFoundError);
    expect(t.db.select().from(cohortMoveRequests).where(eq(cohortMoveRequests.userId, ours.robinId)).all()).toEqual([]);
  });
});
