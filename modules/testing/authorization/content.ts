import * as api from "../../content/index";
import { listStarterModules } from "../../content/starter";
import type { CasesFor } from "./cases";
import { MODULE_READERS } from "./cases";

const starter = listStarterModules()[0];
const UPLOAD = { name: "boundaries.md", bytes: new TextEncoder().encode(starter?.text ?? "") };

/** Facilitators start new modules from the starter content and import content files; anyone on a module downloads it. */
export const cases: CasesFor<typeof api> = {
  starterModules: { allowed: ["facilitator"], ownOnly: true, run: (ctx) => api.starterModules(ctx) },
  newModuleFromStarter: {
    allowed: ["facilitator"],
    ownOnly: true,
    run: (ctx) => api.newModuleFromStarter(ctx, "boundaries"),
  },
  importUpload: {
    allowed: ["facilitator"],
    ownOnly: true,
    run: async (ctx) => {
      const result = await api.importUpload(ctx, UPLOAD);
      if (!result.ok) throw new Error(result.problems.join("\n"));
      return result;
    },
  },
  moduleContentFile: {
    allowed: MODULE_READERS,
    run: (ctx, on) => api.moduleContentFile(ctx, on.moduleId),
  },
  moduleContentZip: {
    allowed: MODULE_READERS,
    run: (ctx, on) => api.moduleContentZip(ctx, on.moduleId),
  },
};
