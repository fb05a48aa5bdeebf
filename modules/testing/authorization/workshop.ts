import * as api from "../../workshop/index";
import { storeCollab } from "../collab";
import type { CasesFor } from "./cases";
import { MODULE_READERS } from "./cases";

/** Everyone on the module reads it; its facilitators run it; the Workshop lists what each may open. */

const DETAILS = {
  title: "Saying no kindly",
  topic: "boundaries",
  customTopic: "",
  summary: "",
  estimatedMinutes: 15,
} as const;

export const cases: CasesFor<typeof api> = {
  listModules: { allowed: MODULE_READERS, ownOnly: true, run: (ctx) => api.listModules(ctx, { mine: false }) },
  newModule: { allowed: ["facilitator"], ownOnly: true, run: (ctx) => api.newModule(ctx, DETAILS) },
  moduleHeading: { allowed: MODULE_READERS, run: (ctx, on) => api.moduleHeading(ctx, on.moduleId) },
  editorPage: { allowed: MODULE_READERS, run: (ctx, on) => api.editorPage(ctx, storeCollab(ctx.db), on.moduleId) },
  modulePeople: { allowed: MODULE_READERS, run: (ctx, on) => api.modulePeople(ctx, on.moduleId) },
  updateModuleDetails: {
    allowed: ["facilitator"],
    run: (ctx, on) => api.updateModuleDetails(ctx, on.moduleId, DETAILS),
  },
  setCollaborator: {
    allowed: ["facilitator"],
    run: (ctx, on) => api.setCollaborator(ctx, on.moduleId, on.newcomer.userId, "co_designer"),
  },
  removeCollaborator: {
    allowed: ["facilitator"],
    run: (ctx, on) => api.removeCollaborator(ctx, on.moduleId, on.people.co_designer.userId),
  },
  setArchived: { allowed: ["facilitator"], run: (ctx, on) => api.setArchived(ctx, on.moduleId, true) },
  setSuggestionsOnly: { allowed: ["facilitator"], run: (ctx, on) => api.setSuggestionsOnly(ctx, on.moduleId, true) },
};
