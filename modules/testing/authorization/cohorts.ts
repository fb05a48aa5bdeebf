import * as api from "../../cohorts/index";
import type { CasesFor } from "./cases";
import { SECRET } from "./world";

/** Cohorts are run by the organisation's trainers: their learners, training, progress and exports. */
const TRAINERS = ["trainer"] as const;
const DETAILS = { name: "Spring group, renamed", description: "", startsOn: "2027-01-04", endsOn: null };
const LIST = "name,email\nNew Person,new.person@example.org\n";
const list = () => ({ name: "learners.csv", bytes: new TextEncoder().encode(LIST) });

export const cases: CasesFor<typeof api> = {
  listCohorts: { allowed: TRAINERS, ownOnly: true, run: (ctx) => api.listCohorts(ctx, { archived: false }) },
  createCohort: { allowed: TRAINERS, ownOnly: true, run: (ctx) => api.createCohort(ctx, DETAILS) },
  getCohort: { allowed: TRAINERS, run: (ctx, on) => api.getCohort(ctx, on.cohortId) },
  updateCohort: { allowed: TRAINERS, run: (ctx, on) => api.updateCohort(ctx, on.cohortId, DETAILS) },
  setCohortArchived: { allowed: TRAINERS, run: (ctx, on) => api.setCohortArchived(ctx, on.cohortId, true) },
  progressPage: { allowed: TRAINERS, run: (ctx, on) => api.progressPage(ctx, on.cohortId, {}) },
  markCohortSeen: { allowed: TRAINERS, run: (ctx, on) => api.markCohortSeen(ctx, on.cohortId) },
  learnerProgress: {
    allowed: TRAINERS,
    run: (ctx, on) => api.learnerProgress(ctx, on.cohortId, on.people.learner.userId),
  },
  downloadProgress: {
    allowed: TRAINERS,
    run: (ctx, on) => api.downloadProgress(ctx, on.cohortId, on.assignmentId, { ip: null }),
  },
  learnersPage: { allowed: TRAINERS, run: (ctx, on) => api.learnersPage(ctx, on.cohortId) },
  addCohortMember: { allowed: TRAINERS, run: (ctx, on) => api.addCohortMember(ctx, on.cohortId, on.newcomer.userId) },
  removeCohortMember: {
    allowed: TRAINERS,
    run: (ctx, on) => api.removeCohortMember(ctx, on.cohortId, on.people.learner.userId),
  },
  createCohortLink: {
    allowed: TRAINERS,
    run: (ctx, on) => api.createCohortLink(ctx, on.cohortId, { secret: SECRET }),
  },
  previewLearnerList: { allowed: TRAINERS, run: (ctx, on) => api.previewLearnerList(ctx, on.cohortId, list()) },
  importLearnerList: {
    allowed: TRAINERS,
    run: (ctx, on) => api.importLearnerList(ctx, on.cohortId, LIST, { secret: SECRET }),
  },
  detailsPage: { allowed: TRAINERS, run: (ctx, on) => api.detailsPage(ctx, on.cohortId) },
  setCohortFacilitator: {
    allowed: TRAINERS,
    run: (ctx, on) => api.setCohortFacilitator(ctx, on.cohortId, on.people.facilitator.userId, "Peer supporter."),
  },
  removeCohortFacilitator: {
    allowed: TRAINERS,
    run: (ctx, on) => api.removeCohortFacilitator(ctx, on.cohortId, on.people.trainer.userId),
  },
  assignmentsPage: { allowed: TRAINERS, run: (ctx, on) => api.assignmentsPage(ctx, on.cohortId) },
  assign: {
    allowed: TRAINERS,
    run: (ctx, on) => api.assign(ctx, on.cohortId, { target: `module:${on.moduleId}`, dueOn: null }),
  },
  changeDueDate: {
    allowed: TRAINERS,
    run: (ctx, on) => api.changeDueDate(ctx, on.cohortId, on.assignmentId, "2099-12-31"),
  },
  moveLearner: { allowed: TRAINERS, run: (ctx, on) => api.moveLearner(ctx, on.cohortId, on.moveRequestId) },
  keepLearner: { allowed: TRAINERS, run: (ctx, on) => api.keepLearner(ctx, on.cohortId, on.moveRequestId) },
  offerSelfPacedRoute: {
    allowed: TRAINERS,
    run: (ctx, on) => api.offerSelfPacedRoute(ctx, on.cohortId, on.assignmentId, true),
  },
  removeAssignment: { allowed: TRAINERS, run: (ctx, on) => api.removeAssignment(ctx, on.cohortId, on.assignmentId) },
  moveToLatestVersion: {
    allowed: TRAINERS,
    run: (ctx, on) => api.moveToLatestVersion(ctx, on.cohortId, on.assignmentId),
  },
};
