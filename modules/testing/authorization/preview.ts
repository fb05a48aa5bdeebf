import * as api from "../../preview/index";
import type { CasesFor } from "./cases";
import { MODULE_READERS } from "./cases";

/** Whoever may see a module's draft previews it; a trainer or learner not on the module may not. */

export const cases: CasesFor<typeof api> = {
  previewSection: { allowed: MODULE_READERS, run: (ctx, on) => api.previewSection(ctx, on.moduleId, 1) },
  checkPreviewAnswer: {
    allowed: MODULE_READERS,
    run: (ctx, on) => api.checkPreviewAnswer(ctx, on.moduleId, 2, { checkId: "kc-1", chosen: ["kc-1-right"] }),
  },
};
