import * as api from "../../supervision/index";
import type { CasesFor } from "./cases";

const PAGE = { title: "For my supervision", points: "Something to raise." };

/**
 * A supervision page is its learner's alone, made from their own journal; what a supervisor reads
 * is the one copy shared with them, found by their own id only.
 */
export const cases: CasesFor<typeof api> = {
  mySupervisionPages: { allowed: ["learner"], ownOnly: true, run: (ctx) => api.mySupervisionPages(ctx) },
  createSupervisionPage: {
    allowed: ["learner"],
    run: (ctx, on) => api.createSupervisionPage(ctx, { ...PAGE, entryIds: [on.journalEntryId] }),
  },
  supervisionPage: { allowed: ["learner"], run: (ctx, on) => api.supervisionPage(ctx, on.supervisionPageId) },
  updateSupervisionPage: {
    allowed: ["learner"],
    run: (ctx, on) => api.updateSupervisionPage(ctx, on.supervisionPageId, { ...PAGE, entryIds: [on.journalEntryId] }),
  },
  deleteSupervisionPage: {
    allowed: ["learner"],
    run: (ctx, on) => api.deleteSupervisionPage(ctx, on.supervisionPageId),
  },
  supervisionPageMarkdown: {
    allowed: ["learner"],
    run: (ctx, on) => api.supervisionPageMarkdown(ctx, on.supervisionPageId),
  },
  supervisorsToShareWith: { allowed: ["learner"], ownOnly: true, run: (ctx) => api.supervisorsToShareWith(ctx) },
  shareOf: { allowed: ["learner"], run: (ctx, on) => api.shareOf(ctx, on.supervisionPageId) },
  sharePage: {
    allowed: ["learner"],
    run: (ctx, on) => api.sharePage(ctx, on.supervisionPageId, on.people.supervisor.userId),
  },
  revokeShare: { allowed: ["learner"], run: (ctx, on) => api.revokeShare(ctx, on.supervisionPageId) },
  shareHistory: { allowed: ["learner"], ownOnly: true, run: (ctx) => api.shareHistory(ctx) },
  sharedWithMe: { allowed: ["supervisor"], ownOnly: true, run: (ctx) => api.sharedWithMe(ctx) },
  sharedCopy: { allowed: ["supervisor"], run: (ctx, on) => api.sharedCopy(ctx, on.shareId) },
};
