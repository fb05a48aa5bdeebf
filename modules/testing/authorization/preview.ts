import * as api from "../../preview/index";
import type { CasesFor } from "./cases";

/** Whoever may see a module's draft previews it; a trainer or learner not on the module may not. */
const ON_MODULE = ["facilitator", "co_designer", "reviewer"] as const;

export const cases: CasesFor<typeof api> = {
  previewSection: { allowed: ON_MODULE, run: (ctx, on) => api.previewSection(ctx, on.moduleId, 1) },
  checkPreviewAnswer: {
    allowed: ON_MODULE,
    run: (ctx, on) => api.checkPreviewAnswer(ctx, on.moduleId, 2, { checkId: "kc-1", chosen: ["kc-1-right"] }),
  },
};
