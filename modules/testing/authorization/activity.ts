import * as api from "../../activity/index";
import type { CasesFor } from "./cases";

/** Everyone on a module follows its story. */
export const cases: CasesFor<typeof api> = {
  moduleActivity: {
    allowed: ["facilitator", "co_designer", "reviewer"],
    run: (ctx, on) => api.moduleActivity(ctx, on.moduleId),
  },
};
