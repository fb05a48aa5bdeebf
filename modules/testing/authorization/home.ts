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
  supportForLearners: { allowed: EVERYONE, ownOnly: true, run: (ctx) => organisations.supportForLearners(ctx) },
};
