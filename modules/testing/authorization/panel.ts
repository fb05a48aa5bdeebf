import * as api from "../../panel/index";
import { DEFAULT_RUBRIC } from "../../panel/rubric-file";
import { currentRevision } from "../../review/service";
import { storeCollab } from "../collab";
import type { CasesFor } from "./cases";
import { MODULE_READERS } from "./cases";

/**
 * Only the panel member signs off as the panel and only the safeguarding reviewer asks for changes as
 * safeguarding, each on their own organisation's modules: everyone else is refused, a co-designer with
 * 403 and anyone of another organisation with 404. Everyone who reads the module reads where the
 * sign-offs stand; the setting and the rubric are the admins'.
 */
const allYes = () => Object.fromEntries(DEFAULT_RUBRIC.map((i) => [i.id, "yes" as const]));

export const cases: CasesFor<typeof api> = {
  panelReview: {
    allowed: MODULE_READERS,
    run: (ctx, on) => api.panelReview(ctx, storeCollab(ctx.db), on.reviewModuleId),
  },
  signOffAsPanel: {
    allowed: ["panel"],
    run: (ctx, on) =>
      api.signOffAsPanel(ctx, storeCollab(ctx.db), on.reviewModuleId, {
        kind: "panel",
        revision: currentRevision(ctx.db, on.reviewModuleId),
        answers: allYes(),
        notes: {},
      }),
  },
  requestPanelChanges: {
    allowed: ["safeguarding"],
    run: (ctx, on) =>
      api.requestPanelChanges(ctx, storeCollab(ctx.db), on.reviewModuleId, {
        kind: "safeguarding",
        revision: currentRevision(ctx.db, on.reviewModuleId),
        answers: { safety: "not_yet" },
        notes: {},
      }),
  },
  panelRequirement: { allowed: ["admin"], ownOnly: true, run: (ctx) => api.panelRequirement(ctx) },
  setPanelRequired: { allowed: ["admin"], ownOnly: true, run: (ctx) => api.setPanelRequired(ctx, { required: true }) },
  rubricToManage: { allowed: ["admin"], ownOnly: true, run: (ctx) => api.rubricToManage(ctx) },
  setRubric: {
    allowed: ["admin"],
    ownOnly: true,
    run: (ctx) => api.setRubric(ctx, { questions: ["Is the ending calm?"] }),
  },
};
