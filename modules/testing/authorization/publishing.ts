import * as api from "../../publishing/index";
import { storeCollab } from "../collab";
import type { CasesFor } from "./cases";

/** Everyone on a module sees its versions; its facilitators publish and withdraw it. */
export const cases: CasesFor<typeof api> = {
  publishModule: {
    allowed: ["facilitator"],
    run: (ctx, on) => api.publishModule(ctx, storeCollab(ctx.db), on.reviewModuleId, { changelog: "First version." }),
  },
  unpublishModule: { allowed: ["facilitator"], run: (ctx, on) => api.unpublishModule(ctx, on.moduleId) },
  listModuleVersions: {
    allowed: ["facilitator", "co_designer", "reviewer"],
    run: (ctx, on) => api.listModuleVersions(ctx, on.moduleId),
  },
};
