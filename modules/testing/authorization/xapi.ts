import * as api from "../../xapi/index";
import type { CasesFor } from "./cases";
import { SECRET } from "./world";

const FROM = { config: { SESSION_SECRET: SECRET }, requestOrigin: "https://alongside.example.org", ip: null };

/** A cohort's statements leave only with a trainer of its organisation. */
export const cases: CasesFor<typeof api> = {
  downloadStatements: {
    allowed: ["trainer"],
    run: (ctx, on) => api.downloadStatements(ctx, on.cohortId, on.assignmentId, FROM),
  },
};
