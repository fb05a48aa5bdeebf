import * as learnerHome from "../../learner-home/index";
import * as notices from "../../notices/index";
import type { CasesFor } from "./cases";

export const learnerHomeCases: CasesFor<typeof learnerHome> = {
  myLearningPage: { allowed: ["learner"], ownOnly: true, run: (ctx) => learnerHome.myLearningPage(ctx) },
  // Going back to the live sessions needs no offer: the row names the learner's own cohort's assignment.
  chooseRoute: {
    allowed: ["learner"],
    run: (ctx, on) => learnerHome.chooseRoute(ctx, { assignmentId: on.assignmentId, route: "live" }),
  },
};

export const noticeCases: CasesFor<typeof notices> = {
  dismissNotices: { allowed: ["learner"], run: (ctx, on) => notices.dismissNotices(ctx, on.noticeId) },
};
