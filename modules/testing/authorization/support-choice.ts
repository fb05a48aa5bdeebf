import * as api from "../../support-choice/index";
import { type CasesFor, EVERYONE } from "./cases";

/** A person's support choice is their own: anyone may make, read and forget theirs, and only theirs. */
export const cases: CasesFor<typeof api> = {
  mySupportChoice: { allowed: EVERYONE, ownOnly: true, run: (ctx) => api.mySupportChoice(ctx) },
  setMySupportChoice: {
    allowed: EVERYONE,
    ownOnly: true,
    run: (ctx) => api.setMySupportChoice(ctx, { nation: "wales", populations: ["men"] }),
  },
  forgetMySupportChoice: { allowed: EVERYONE, ownOnly: true, run: (ctx) => api.forgetMySupportChoice(ctx) },
  supportNowForMe: { allowed: EVERYONE, ownOnly: true, run: (ctx) => api.supportNowForMe(ctx) },
  supportInTrainingForMe: { allowed: EVERYONE, ownOnly: true, run: (ctx) => api.supportInTrainingForMe(ctx) },
  // A visitor's choice comes from their own browser and is never stored: there is nothing of anyone's to reach.
  visitorChoice: { allowed: EVERYONE, ownOnly: true, run: () => api.visitorChoice({ nation: "wales" }) },
  supportNowForVisitor: { allowed: EVERYONE, ownOnly: true, run: () => api.supportNowForVisitor(null) },
};
