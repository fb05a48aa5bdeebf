/** What routes may ask of learning: a learner's courses, sections, steps and private journal. */
export { deleteJournalEntry, exportJournal, journalEntry, listJournal, updateJournalEntry } from "./journal";
export { learnerPlace } from "./place";
export { answerSchema, journalEntrySchema, reflectionSchema } from "./schemas";
export { courseOutline, sectionPage } from "./section";
export { certificate, courseLanding, enrolSelf } from "./service";
export { answerCheck, recordStep, reflect } from "./steps";
