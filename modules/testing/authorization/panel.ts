import * as api from "../../panel/index";
import { DEFAULT_RUBRIC } from "../../panel/rubric-file";
import { currentRevision } from "../../review/service";
import { storeCollab } from "../collab";
import type { CasesFor } from "./cases";

/**
 * Only members holding the panel or safeguarding role sign off, and none of the seven kinds holds
 * either: everyone is refused, a co-designer with 403 and anyone of another organisation with 404
 * (modules/panel/panel.test.ts signs off as the roles themselves). Everyone on a module reads where
 * the sign-offs stand; the setting and the rubric are the admins'.
 */
const ON_MODULE = ["facilitator", "co_designer", "reviewer"] as const;
const allYes = () => Object.fromEntries(DEFAULT_RUBRIC.map((i) => [i.id, "yes" as const]));

export const cases: CasesFor<typeof api> = {
  panelReview: { allowed: ON_MODULE, run: (ctx, on) => api.panelReview(ctx, storeCollab(ctx.db), on.reviewModuleId) },
  signOffAsPanel: {
    allowed: [],
    run: (ctx, on) =>
      api.signOffAsPanel(ctx, storeCollab(ctx.db), on.reviewModuleId, {
        kind: "panel",
        revision: currentRevision(ctx.db, on.reviewModuleId),
        answers: allYes(),
        notes: {},
      }),
  },
  requestPanelChanges: {
    allowed: [],
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
