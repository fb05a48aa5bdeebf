/**
 * What routes may ask of cohorts: trainers group learners, give them training with due dates, and
 * follow their progress on the dashboard and in its exports.
 */
export { assign, assignmentsPage, changeDueDate, moveToLatestVersion, removeAssignment } from "./assignments";
export { learnerProgress, progressPage } from "./dashboard";
export { downloadProgress } from "./export";
export { createCohortLink, importLearnerList, previewLearnerList } from "./invite";
export { keepLearner, moveLearner } from "./moves";
export { offerSelfPacedRoute } from "./routes";
export {
  assignmentIdSchema,
  assignmentSchema,
  cohortDetailsSchema,
  dashboardQuerySchema,
  dueDateSchema,
  facilitatorSchema,
  learnerRowsSchema,
  memberSchema,
  moveRequestIdSchema,
  selfPacedOfferSchema,
} from "./schemas";
export {
  addCohortMember,
  createCohort,
  detailsPage,
  getCohort,
  learnersPage,
  listCohorts,
  markCohortSeen,
  removeCohortFacilitator,
  removeCohortMember,
  setCohortArchived,
  setCohortFacilitator,
  updateCohort,
} from "./service";
