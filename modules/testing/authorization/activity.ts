import * as api from "../../activity/index";
import type { CasesFor } from "./cases";
import { MODULE_READERS } from "./cases";

/** Everyone on a module follows its story. */
export const cases: CasesFor<typeof api> = {
  moduleActivity: {
    allowed: MODULE_READERS,
    run: (ctx, on) => api.moduleActivity(ctx, on.moduleId),
  },
};
