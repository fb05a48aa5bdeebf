import * as learnerHome from "../../learner-home/index";
import * as notices from "../../notices/index";
import * as organisations from "../../organisations/index";
import { type CasesFor, EVERYONE } from "./cases";

export const learnerHomeCases: CasesFor<typeof learnerHome> = {
  myLearningPage: { allowed: ["learner"], ownOnly: true, run: (ctx) => learnerHome.myLearningPage(ctx) },
};

export const noticeCases: CasesFor<typeof notices> = {
  dismissNotices: { allowed: ["learner"], run: (ctx, on) => notices.dismissNotices(ctx, on.noticeId) },
};

export const organisationCases: CasesFor<typeof organisations> = {
  setMemberRoles: {
    allowed: ["admin"],
    run: (ctx, on) => organisations.setMemberRoles(ctx, on.newcomerMembershipId, ["learner", "co_designer"]),
  },
  removeMember: { allowed: ["admin"], run: (ctx, on) => organisations.removeMember(ctx, on.newcomerMembershipId) },
  supportForLearners: { allowed: EVERYONE, ownOnly: true, run: (ctx) => organisations.supportForLearners(ctx) },
};
