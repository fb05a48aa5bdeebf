import * as learnerHome from "../../learner-home/index";
import * as notices from "../../notices/index";
import type { CasesFor } from "./cases";

export const learnerHomeCases: CasesFor<typeof learnerHome> = {
  myLearningPage: { allowed: ["learner"], ownOnly: true, run: (ctx) => learnerHome.myLearningPage(ctx) },
  // Going back to the live sessions needs no offer: the row names the learner's own cohort's assignment.
  movePage: { allowed: ["learner"], run: (ctx, on) => learnerHome.movePage(ctx, on.cohortId) },
  // The learner asks to move to their own cohort's twin: world.ts makes a second cohort for this.
  askToMove: {
    allowed: ["learner"],
    run: (ctx, on) => learnerHome.askToMove(ctx, on.cohortId, { toCohortId: on.otherCohortId, reason: "" }),
  },
  chooseRoute: {
    allowed: ["learner"],
    run: (ctx, on) => learnerHome.chooseRoute(ctx, { assignmentId: on.assignmentId, route: "live" }),
  },
};

export const noticeCases: CasesFor<typeof notices> = {
  dismissNotices: { allowed: ["learner"], run: (ctx, on) => notices.dismissNotices(ctx, on.noticeId) },
};
