import * as api from "../../self-care/index";
import type { CasesFor } from "./cases";

const PLAN = { signs: "I stop sleeping", helps: "A walk", contacts: "My supervisor", boundaries: "No late calls" };

/** A self-care plan is its learner's own, in their journal: there is no id to name anyone else's by. */
export const cases: CasesFor<typeof api> = {
  mySelfCarePlan: { allowed: ["learner"], ownOnly: true, run: (ctx) => api.mySelfCarePlan(ctx) },
  saveSelfCarePlan: { allowed: ["learner"], ownOnly: true, run: (ctx) => api.saveSelfCarePlan(ctx, PLAN) },
};
