import * as api from "../../comments/index";
import { EMPTY_DOC } from "../../documents/json";
import type { CasesFor } from "./cases";
import { MODULE_READERS } from "./cases";

/** The module's collaborators read and write its comments; its facilitators hide them. */
const ON_MODULE = ["facilitator", "co_designer", "reviewer"] as const;

export const cases: CasesFor<typeof api> = {
  moduleThreads: { allowed: MODULE_READERS, run: (ctx, on) => api.moduleThreads(ctx, on.moduleId, EMPTY_DOC) },
  startThread: {
    allowed: ON_MODULE,
    run: (ctx, on) => api.startThread(ctx, on.moduleId, { quote: "relationship", body: "Which kind?" }),
  },
  reply: { allowed: ON_MODULE, run: (ctx, on) => api.reply(ctx, on.moduleId, on.threadId, "I think so.") },
  setResolved: { allowed: ON_MODULE, run: (ctx, on) => api.setResolved(ctx, on.moduleId, on.threadId, true) },
  hideComment: {
    allowed: ["facilitator"],
    run: (ctx, on) => api.hideComment(ctx, on.moduleId, on.commentId, "Not for this module."),
  },
  markRead: { allowed: MODULE_READERS, run: (ctx, on) => api.markRead(ctx, on.moduleId) },
};
