import * as api from "../../publishing/index";
import { storeCollab } from "../collab";
import type { CasesFor } from "./cases";
import { MODULE_READERS } from "./cases";

/** Everyone on a module sees its versions; its facilitators publish and withdraw it. */
export const cases: CasesFor<typeof api> = {
  publishModule: {
    allowed: ["facilitator"],
    run: (ctx, on) => api.publishModule(ctx, storeCollab(ctx.db), on.reviewModuleId, { changelog: "First version." }),
  },
  unpublishModule: { allowed: ["facilitator"], run: (ctx, on) => api.unpublishModule(ctx, on.moduleId) },
  listModuleVersions: {
    allowed: MODULE_READERS,
    run: (ctx, on) => api.listModuleVersions(ctx, on.moduleId),
  },
};
