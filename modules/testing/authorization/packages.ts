import * as api from "../../packages/index";
import type { CasesFor } from "./cases";

/** A course leaves as a package only with the people who compose courses, in its own organisation. */
const MANAGERS = ["trainer", "facilitator"] as const;
const FROM = { ip: null };

export const cases: CasesFor<typeof api> = {
  exportChoices: { allowed: MANAGERS, run: (ctx, on) => api.exportChoices(ctx, on.courseId) },
  exportScorm: { allowed: MANAGERS, run: (ctx, on) => api.exportScorm(ctx, on.courseId, {}, FROM) },
  exportCmi5: {
    allowed: MANAGERS,
    run: (ctx, on) => api.exportCmi5(ctx, on.courseId, { ...FROM, origin: "https://alongside.test" }),
  },
  exportMarkdown: { allowed: MANAGERS, run: (ctx, on) => api.exportMarkdown(ctx, on.courseId, FROM) },
};
