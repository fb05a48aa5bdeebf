export { creditLine } from "../../modules/credits/service";
export {
  deleteJournalEntry,
  exportJournal,
  journalEntry,
  listJournal,
  saveReflection,
  updateJournalEntry,
} from "../../modules/learning/journal";
export { myLearningPage } from "../../modules/learning/my-learning";
export { learnerPlace } from "../../modules/learning/place";
export { answerSchema, journalEntrySchema, reflectionSchema } from "../../modules/learning/schemas";
export { courseOutline, sectionPage } from "../../modules/learning/section";
export {
  certificate,
  courseLanding,
  courseModules,
  enrolSelf,
  ownEnrolment,
} from "../../modules/learning/service";
export { answerCheck, recordStep, reflect } from "../../modules/learning/steps";
export { dismissNotices } from "../../modules/notices/service";
export { reachableSupportResources } from "../../modules/organisations/support";
