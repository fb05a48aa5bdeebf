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
export { answerSchema, journalEntrySchema, reflectionSchema } from "../../modules/learning/schemas";
export {
  checkInSection,
  courseOutline,
  nextPlace,
  reflectionInSection,
  sectionCount,
  sectionPage,
} from "../../modules/learning/section";
export {
  certificate,
  courseLanding,
  courseModules,
  enrolSelf,
  ownEnrolment,
  recordAnswer,
  recordSection,
} from "../../modules/learning/service";
export { dismissNotices } from "../../modules/notices/service";
export { listSupportResources } from "../../modules/organisations/support";
