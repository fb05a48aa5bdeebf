import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { contextFor } from "../auth/context";
import { assign, assignmentsPage } from "../cohorts/assignments";
import { offerSelfPacedRoute } from "../cohorts/routes";
import { createCohort, joinCohort, removeCohortMember } from "../cohorts/service";
import { InvalidError, NotFoundError } from "../shared/errors";
import { testDatabase } from "../testing/database";
import { p, text } from "../testing/documents";
import { makeOrganisation } from "../testing/fixtures";
import { publishedModule } from "../testing/published-module";
import { chooseRoute, myLearningPage } from "./index";

const DOC = {
  type: "doc",
  content: [{ type: "heading", attrs: { level: 2 }, content: [text("One")] }, p(text("Hi."))],
};
let t: ReturnType<typeof testDatabase>;
beforeEach(() => {
  t = testDatabase();
});
afterEach(() => t.close());

/** An organisation's cohort given one module, with a learner in it. */
function cohortWithLearner(name = "Test Peer Service") {
  const { db } = t;
  const org = makeOrganisation(db, name);
  const sam = org.member(["trainer"], "Sam Taylor");
  const robin = org.member(["learner"], "Robin Learner");
  const trainer = contextFor(db, sam.actor);
  const cohort = createCohort(trainer, { name: "Spring", description: "", startsOn: "2027-01-04", endsOn: null });
  const { moduleId } = publishedModule(db, { orgId: org.org.id, by: sam.user.id, title: "Boundaries", doc: DOC });
  const assignment = assign(trainer, cohort.id, { target: `module:${moduleId}`, dueOn: null });
  joinCohort(db, org.org.id, cohort.id, robin.user.id);
  return { trainer, robin: contextFor(db, robin.actor), robinId: robin.user.id, cohort, assignment };
}

const route = (ctx: ReturnType<typeof contextFor>) => myLearningPage(ctx).courses[0]?.cohort;

describe("the self-paced route", () => {
  it("is taken by the learner when the trainer offers it, and counted for the trainer with no reason", () => {
    const { trainer, robin, cohort, assignment } = cohortWithLearner();
    expect(route(robin)).toMatchObject({ selfPacedRoute: false, selfPaced: false });
    expect(() => chooseRoute(robin, { assignmentId: assignment.id, route: "self_paced" })).toThrow(InvalidError);

    offerSelfPacedRoute(trainer, cohort.id, assignment.id, true);
    expect(route(robin)).toMatchObject({ selfPacedRoute: true, selfPaced: false });
    chooseRoute(robin, { assignmentId: assignment.id, route: "self_paced" });
    chooseRoute(robin, { assignmentId: assignment.id, route: "self_paced" });
    expect(route(robin)).toMatchObject({ selfPacedRoute: true, selfPaced: true });
    expect(assignmentsPage(trainer, cohort.id).assignments[0]).toMatchObject({
      selfPacedRoute: true,
      selfPacedLearners: 1,
    });

    // Stopping the offer does not take the route back from who chose it; they may still go back.
    offerSelfPacedRoute(trainer, cohort.id, assignment.id, false);
    expect(route(robin)).toMatchObject({ selfPacedRoute: false, selfPaced: true });
    chooseRoute(robin, { assignmentId: assignment.id, route: "live" });
    expect(route(robin)).toMatchObject({ selfPaced: false });
    expect(assignmentsPage(trainer, cohort.id).assignments[0]?.selfPacedLearners).toBe(0);
  });

  it("is chosen only on a course of the learner's own cohort: another cohort's, or another organisation's, is not found", () => {
    const ours = cohortWithLearner("Ours");
    const theirs = cohortWithLearner("Theirs");
    offerSelfPacedRoute(theirs.trainer, theirs.cohort.id, theirs.assignment.id, true);
    expect(() => chooseRoute(ours.robin, { assignmentId: theirs.assignment.id, route: "self_paced" })).toThrow(
      NotFoundError,
    );
    // A learner who left the cohort no longer chooses on its courses.
    offerSelfPacedRoute(ours.trainer, ours.cohort.id, ours.assignment.id, true);
    removeCohortMember(ours.trainer, ours.cohort.id, ours.robinId);
    expect(() => chooseRoute(ours.robin, { assignmentId: ours.assignment.id, route: "self_paced" })).toThrow(
      NotFoundError,
    );
  });
});
