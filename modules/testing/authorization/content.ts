import * as api from "../../content/index";
import type { CasesFor } from "./cases";

/** Facilitators start new modules from the starter content. */
export const cases: CasesFor<typeof api> = {
  starterModules: { allowed: ["facilitator"], ownOnly: true, run: (ctx) => api.starterModules(ctx) },
  newModuleFromStarter: {
    allowed: ["facilitator"],
    ownOnly: true,
    run: (ctx) => api.newModuleFromStarter(ctx, "boundaries"),
  },
};
