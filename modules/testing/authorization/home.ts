import * as learnerHome from "../../learner-home/index";
import * as notices from "../../notices/index";
import type { CasesFor } from "./cases";

export const learnerHomeCases: CasesFor<typeof learnerHome> = {
  myLearningPage: { allowed: ["learner"], ownOnly: true, run: (ctx) => learnerHome.myLearningPage(ctx) },
};

export const noticeCases: CasesFor<typeof notices> = {
  dismissNotices: { allowed: ["learner"], run: (ctx, on) => notices.dismissNotices(ctx, on.noticeId) },
};
