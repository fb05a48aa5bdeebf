export {
  assign,
  changeDueDate,
  listAssignments,
  moveToLatestVersion,
  newerCourseVersions,
  removeAssignment,
} from "../../modules/cohorts/assignments";
export { acceptedRowsCsv, parseLearnerCsv } from "../../modules/cohorts/csv";
export { cohortDashboard, learnerProgress } from "../../modules/cohorts/dashboard";
export { assignmentToExport, progressCsv, STALE_EXPORT } from "../../modules/cohorts/export";
export { cohortInvitationLink, importLearners } from "../../modules/cohorts/invite";
export { completionsSinceLastVisit } from "../../modules/cohorts/news";
export {
  assignmentIdSchema,
  assignmentSchema,
  cohortDetailsSchema,
  facilitatorSchema,
  memberSchema,
} from "../../modules/cohorts/schemas";
export {
  addCohortMember,
  cohortEmails,
  cohortFacilitatorsOf,
  cohortInviteeList,
  cohortMemberList,
  createCohort,
  facilitatorCandidates,
  getCohort,
  lastVisit,
  listCohorts,
  markCohortSeen,
  memberCandidates,
  removeCohortFacilitator,
  removeCohortMember,
  setCohortArchived,
  setCohortFacilitator,
  updateCohort,
} from "../../modules/cohorts/service";
export { coursesOf } from "../../modules/courses/service";
export { publishableModules } from "../../modules/publishing/service";
