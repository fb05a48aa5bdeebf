import * as api from "../../audit/index";
import type { CasesFor } from "./cases";

/** The activity log is for those who look after the organisation's security. */
export const cases: CasesFor<typeof api> = {
  activityLog: { allowed: ["admin"], ownOnly: true, run: (ctx) => api.activityLog(ctx) },
};
