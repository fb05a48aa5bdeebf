import * as api from "../../reuse/index";
import type { CasesFor } from "./cases";
import { MODULE_READERS } from "./cases";

/**
 * Facilitators duplicate the modules they can open and start new ones from templates; marking a
 * template is for a facilitator of the module. Everyone on the module may ask whether it is one.
 */
export const cases: CasesFor<typeof api> = {
  duplicateModule: { allowed: ["facilitator"], run: (ctx, on) => api.duplicateModule(ctx, on.moduleId) },
  setTemplate: { allowed: ["facilitator"], run: (ctx, on) => api.setTemplate(ctx, on.moduleId, true) },
  templateStanding: {
    allowed: MODULE_READERS,
    run: (ctx, on) => api.templateStanding(ctx, on.moduleId),
  },
  listTemplates: { allowed: ["facilitator"], ownOnly: true, run: (ctx) => api.listTemplates(ctx) },
  newModuleFromTemplate: {
    allowed: ["facilitator"],
    run: (ctx, on) => {
      api.setTemplate(ctx, on.moduleId, true);
      return api.newModuleFromTemplate(ctx, on.moduleId);
    },
  },
};
