import * as api from "../../learning/index";
import { type CasesFor, EVERYONE } from "./cases";
import type { OrgWorld } from "./world";

const place = (ctx: Parameters<typeof api.learnerPlace>[0], on: OrgWorld, section = 1) =>
  api.learnerPlace(ctx, { enrolmentId: on.enrolmentId, moduleVersionId: on.moduleVersionId, section });

/** Learning is the learner's own: their enrolment, their sections, their journal. */
export const cases: CasesFor<typeof api> = {
  courseLanding: { allowed: EVERYONE, run: (ctx, on) => api.courseLanding(ctx, on.courseId) },
  enrolSelf: { allowed: ["learner"], run: (ctx, on) => api.enrolSelf(ctx, on.courseId) },
  courseOutline: { allowed: ["learner"], run: (ctx, on) => api.courseOutline(ctx, on.enrolmentId) },
  certificate: { allowed: ["learner"], run: (ctx, on) => api.certificate(ctx, on.enrolmentId) },
  learnerPlace: { allowed: ["learner"], run: (ctx, on) => place(ctx, on) },
  sectionPage: { allowed: ["learner"], run: (ctx, on) => api.sectionPage(ctx, place(ctx, on)) },
  recordStep: { allowed: ["learner"], run: (ctx, on) => api.recordStep(ctx, place(ctx, on, 3), "skipped") },
  answerCheck: {
    allowed: ["learner"],
    run: (ctx, on) => api.answerCheck(ctx, place(ctx, on, 2), { checkId: "kc-1", chosen: ["kc-1-right"] }),
  },
  reflect: {
    allowed: ["learner"],
    run: (ctx, on) => api.reflect(ctx, place(ctx, on), { promptId: "r-1", body: "Another thought." }),
  },
  listJournal: { allowed: ["learner"], ownOnly: true, run: (ctx) => api.listJournal(ctx) },
  exportJournal: { allowed: ["learner"], ownOnly: true, run: (ctx) => api.exportJournal(ctx) },
  journalEntry: { allowed: ["learner"], run: (ctx, on) => api.journalEntry(ctx, on.journalEntryId) },
  updateJournalEntry: {
    allowed: ["learner"],
    run: (ctx, on) => api.updateJournalEntry(ctx, on.journalEntryId, "Rewritten."),
  },
  deleteJournalEntry: { allowed: ["learner"], run: (ctx, on) => api.deleteJournalEntry(ctx, on.journalEntryId) },
};
