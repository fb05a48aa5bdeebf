import * as api from "../../review/index";
import { currentRevision } from "../../review/service";
import { storeCollab } from "../collab";
import type { CasesFor } from "./cases";
import { MODULE_READERS } from "./cases";

/** Everyone on a module signs it off and follows the review; its facilitators start and end it. */
const ON_MODULE = ["facilitator", "co_designer", "reviewer"] as const;
const ALL_CHECKS = { contentNotes: true, signpost: true, plainLanguage: true };

export const cases: CasesFor<typeof api> = {
  moduleStatus: { allowed: MODULE_READERS, run: (ctx, on) => api.moduleStatus(ctx, storeCollab(ctx.db), on.moduleId) },
  reviewPage: { allowed: MODULE_READERS, run: (ctx, on) => api.reviewPage(ctx, storeCollab(ctx.db), on.moduleId) },
  startReview: {
    allowed: ["facilitator"],
    run: (ctx, on) => api.startReview(ctx, storeCollab(ctx.db), on.reviewModuleId),
  },
  returnToDraft: { allowed: ["facilitator"], run: (ctx, on) => api.returnToDraft(ctx, on.reviewModuleId) },
  signOff: {
    allowed: ON_MODULE,
    run: (ctx, on) =>
      api.signOff(ctx, storeCollab(ctx.db), on.reviewModuleId, {
        revision: currentRevision(ctx.db, on.reviewModuleId),
        checks: ALL_CHECKS,
      }),
  },
  requestChanges: {
    allowed: ON_MODULE,
    run: (ctx, on) =>
      api.requestChanges(ctx, storeCollab(ctx.db), on.reviewModuleId, {
        revision: currentRevision(ctx.db, on.reviewModuleId),
        note: "A word on rest, please.",
      }),
  },
};
