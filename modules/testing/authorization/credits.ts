import * as api from "../../credits/index";
import { type CasesFor, EVERYONE, MODULE_READERS } from "./cases";

/** Everyone on a module sees who made it; each person chooses their own credit, on the modules they worked on. */
export const cases: CasesFor<typeof api> = {
  contributionsPage: {
    allowed: MODULE_READERS,
    run: (ctx, on) => api.contributionsPage(ctx, on.moduleId),
  },
  setCreditChoice: {
    allowed: ["facilitator", "co_designer", "reviewer"],
    run: (ctx, on) => api.setCreditChoice(ctx, on.moduleId, { creditMode: "chosen", creditName: "J." }),
  },
  myCredits: { allowed: EVERYONE, ownOnly: true, run: (ctx) => api.myCredits(ctx) },
};
