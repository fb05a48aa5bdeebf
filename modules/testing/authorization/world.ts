import type { DB } from "../../../db/client";
import { contextFor } from "../../auth/context";
import type { Actor } from "../../auth/policy";
import { assign } from "../../cohorts/assignments";
import { createCohort, joinCohort } from "../../cohorts/service";
import { moduleThreads, startThread } from "../../comments/service";
import { addCourseModule, createCourse, publishCourse } from "../../courses/service";
import { recordSnapshot } from "../../history/service";
import { askToMove } from "../../learner-home/moving";
import { learnerPlace } from "../../learning/place";
import { enrolSelf } from "../../learning/service";
import { reflect } from "../../learning/steps";
import { unreadNotices } from "../../notices/service";
import { createInvitation } from "../../organisations/invitations";
import { listSupportResources } from "../../organisations/support";
import { createModuleVersion } from "../../publishing/service";
import { beginReview, currentRevision, recordSignOff } from "../../review/service";
import { requestReview } from "../../review-requests/requests";
import { createSupervisionPage } from "../../supervision/pages";
import { sharedWithMe, sharePage } from "../../supervision/sharing";
import { setCollaborator } from "../../workshop/collaborators";
import { createModule, getModule } from "../../workshop/service";
import { doc, option, p, part, text } from "../documents";
import { makeOrganisation } from "../fixtures";
import { publishedModule } from "../published-module";

/**
 * The nine kinds of person every entry point is tried as: the eight organisation roles, with the
 * co-designer on the organisation's module as a co-designer, and a reviewer (a co-designer of the
 * organisation whom the module lists as a reviewer). The panel member and the safeguarding reviewer
 * are on no module: their roles reach every module of their organisation.
 */
export const KINDS = [
  "admin",
  "facilitator",
  "co_designer",
  "reviewer",
  "trainer",
  "learner",
  "supervisor",
  "panel",
  "safeguarding",
] as const;
export type Kind = (typeof KINDS)[number];

export const SECRET = "authorization-test-secret";

const heading = (title: string) => ({ type: "heading", attrs: { level: 2 }, content: [text(title)] });
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

/** One organisation with one of everything, each made through the app's own functions. */
function organisation(db: DB, name: string) {
  const org = makeOrganisation(db, name);
  const facilitator = org.member(["facilitator"], `${name} Facilitator`);
  const coDesigner = org.member(["co_designer"], `${name} Co-designer`);
  const reviewer = org.member(["co_designer"], `${name} Reviewer`);
  const trainer = org.member(["trainer"], `${name} Trainer`);
  const learner = org.member(["learner"], `${name} Learner`);
  const newcomer = org.member(["learner"], `${name} Newcomer`);
  const supervisor = org.member(["supervisor"], `${name} Supervisor`);
  const panel = org.member(["lived_experience_panel"], `${name} Panel member`);
  const safeguarding = org.member(["safeguarding_reviewer"], `${name} Safeguarding reviewer`);

  const { id: moduleId } = createModule(db, {
    orgId: org.org.id,
    createdBy: facilitator.user.id,
    title: `${name} module`,
    topic: "boundaries",
    customTopic: "",
    summary: "",
    estimatedMinutes: 10,
    doc: MODULE,
  });
  setCollaborator(contextFor(db, facilitator.actor), moduleId, coDesigner.user.id, "co_designer");
  setCollaborator(contextFor(db, facilitator.actor), moduleId, reviewer.user.id, "reviewer");
  const module = getModule(db, moduleId);
  if (!module) throw new Error("module missing");
  const version = createModuleVersion(db, {
    module,
    doc: MODULE,
    changelog: "First version.",
    publishedBy: facilitator.user.id,
  });
  const spareModule = publishedModule(db, {
    orgId: org.org.id,
    by: facilitator.user.id,
    title: `${name} spare module`,
    doc: MODULE,
  });
  const course = createCourse(contextFor(db, trainer.actor), {
    title: `${name} essentials`,
    description: "",
    openToAll: true,
  });
  addCourseModule(contextFor(db, trainer.actor), course.id, moduleId);
  const courseVersion = publishCourse(contextFor(db, trainer.actor), course.id, "First version.");
  const enrolment = enrolSelf(contextFor(db, learner.actor), course.id);
  const cohort = createCohort(contextFor(db, trainer.actor), {
    name: `${name} spring group`,
    description: "",
    startsOn: "2027-01-04",
    endsOn: null,
  });
  joinCohort(db, org.org.id, cohort.id, learner.user.id);
  const assignment = assign(contextFor(db, trainer.actor), cohort.id, { target: `course:${course.id}`, dueOn: null });
  const otherCohort = createCohort(contextFor(db, trainer.actor), {
    name: `${name} autumn group`,
    description: "",
    startsOn: "2027-09-06",
    endsOn: null,
  });
  const moveRequest = askToMove(contextFor(db, learner.actor), cohort.id, { toCohortId: otherCohort.id, reason: "" });
  const threadId = startThread(contextFor(db, coDesigner.actor), moduleId, {
    quote: "equals",
    body: "Is this the right word?",
  });
  const coProduction = coProductionObjects(db, { orgId: org.org.id, facilitator, coDesigner, reviewer, moduleId });
  const reviewRequest = requestReview(contextFor(db, facilitator.actor), moduleId, {
    people: [coDesigner.user.id, reviewer.user.id],
    dueOn: "2099-12-31",
    note: "",
  });
  const invitation = createInvitation(db, SECRET, org.admin.actor, {
    label: "Spring intake",
    roles: ["learner"],
    expiresInDays: 7,
    maxUses: 5,
  });
  const supportResource = listSupportResources(db, org.org.id)[0];
  if (!supportResource) throw new Error("no support resources");
  const ctx = contextFor(db, learner.actor);
  const place = learnerPlace(ctx, { enrolmentId: enrolment.id, moduleVersionId: version.id, section: 1 });
  const journalEntry = reflect(ctx, place, { promptId: "r-1", body: "Something private." });
  const supervisionPage = createSupervisionPage(ctx, {
    title: "For my supervision",
    points: "What stays with me.",
    entryIds: [journalEntry.id],
  });
  sharePage(ctx, supervisionPage.id, supervisor.user.id);
  const share = sharedWithMe(contextFor(db, supervisor.actor))[0];
  if (!share) throw new Error("nothing was shared with the supervisor");

  const notice = unreadNotices(db, org.org.id, learner.user.id)[0];
  if (!notice) throw new Error("the learner has no notice");

  const people: Record<Kind, Actor> = {
    admin: org.admin.actor,
    facilitator: facilitator.actor,
    co_designer: coDesigner.actor,
    reviewer: reviewer.actor,
    trainer: trainer.actor,
    learner: learner.actor,
    supervisor: supervisor.actor,
    panel: panel.actor,
    safeguarding: safeguarding.actor,
  };
  return {
    orgId: org.org.id,
    people,
    /** A member with no place on anything yet, for use cases that act on a person. */
    newcomer: newcomer.actor,
    newcomerMembershipId: newcomer.actor.membershipId,
    moduleId,
    moduleVersionId: version.id,
    /** A published module in no course yet, for composing one. */
    spareModuleId: spareModule.moduleId,
    courseId: course.id,
    courseVersionId: courseVersion.id,
    enrolmentId: enrolment.id,
    cohortId: cohort.id,
    assignmentId: assignment.id,
    /** A second cohort, which the learner asked to move to. */
    otherCohortId: otherCohort.id,
    moveRequestId: moveRequest.id,
    threadId,
    invitationId: invitation.id,
    invitationToken: invitation.token,
    supportResourceId: supportResource.id,
    journalEntryId: journalEntry.id,
    /** The learner's supervision page, shared with the organisation's supervisor. */
    supervisionPageId: supervisionPage.id,
    shareId: share.id,
    noticeId: notice.id,
    /** A request that the module's co-designer and reviewer review it, which neither has answered. */
    reviewRequestId: reviewRequest.id,
    ...coProduction,
  };
}

type Person = { user: { id: string }; actor: Actor };

/**
 * What the co-production features act on besides the published module and its thread: the thread's
 * first comment, a snapshot of the module, and a second module in review that everyone on it (the
 * facilitator, the co-designer and the reviewer) has signed off, ready to publish.
 */
function coProductionObjects(
  db: DB,
  on: { orgId: string; facilitator: Person; coDesigner: Person; reviewer: Person; moduleId: string },
) {
  const { facilitator, coDesigner, reviewer, moduleId } = on;
  const thread = moduleThreads(contextFor(db, coDesigner.actor), moduleId, MODULE).threads[0];
  const commentId = thread?.comments[0]?.id;
  if (!commentId) throw new Error("the thread has no comment");
  const snapshotId = recordSnapshot(db, {
    moduleId,
    name: "After the first workshop",
    kind: "manual",
    userId: coDesigner.user.id,
    doc: MODULE,
  });
  const { id: reviewModuleId } = createModule(db, {
    orgId: on.orgId,
    createdBy: facilitator.user.id,
    title: "A module in review",
    topic: "self_care",
    customTopic: "",
    summary: "",
    estimatedMinutes: 10,
    doc: MODULE,
  });
  setCollaborator(contextFor(db, facilitator.actor), reviewModuleId, coDesigner.user.id, "co_designer");
  setCollaborator(contextFor(db, facilitator.actor), reviewModuleId, reviewer.user.id, "reviewer");
  beginReview(contextFor(db, facilitator.actor), reviewModuleId, MODULE);
  const revision = currentRevision(db, reviewModuleId);
  const checks = { contentNotes: true, signpost: true, plainLanguage: true };
  for (const person of [facilitator, coDesigner, reviewer]) {
    recordSignOff(contextFor(db, person.actor), reviewModuleId, { revision, checks });
  }
  return { commentId, snapshotId, reviewModuleId };
}

export type OrgWorld = ReturnType<typeof organisation>;

/** Two organisations built the same way: every entry point is tried on its own and on the other's. */
export function buildWorld(db: DB) {
  return { own: organisation(db, "North"), other: organisation(db, "South") };
}
