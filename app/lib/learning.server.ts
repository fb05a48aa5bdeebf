export { creditLine } from "../../modules/credits/service";
export {
  deleteJournalEntry,
  exportJournal,
  journalEntry,
  listJournal,
  saveReflection,
  updateJournalEntry,
} from "../../modules/learning/journal";
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
  myLearning,
  ownEnrolment,
  recordAnswer,
  recordSection,
} from "../../modules/learning/service";
export { listSupportResources } from "../../modules/organisations/support";
