import * as api from "../../review-requests/index";
import { todayInLondon } from "../../shared/dates";
import { type CasesFor, EVERYONE, MODULE_READERS } from "./cases";

/** A module's facilitators ask for reviews; everyone on it sees them; only the people asked answer. */
export const cases: CasesFor<typeof api> = {
  requestReview: {
    allowed: ["facilitator"],
    run: (ctx, on) =>
      api.requestReview(ctx, on.moduleId, {
        people: [on.people.co_designer.userId],
        dueOn: todayInLondon(ctx.now),
        note: "",
      }),
  },
  answerReviewRequest: {
    allowed: ["co_designer", "reviewer"],
    run: (ctx, on) => api.answerReviewRequest(ctx, on.moduleId, { requestId: on.reviewRequestId, note: "Done." }),
  },
  moduleReviewRequests: {
    allowed: MODULE_READERS,
    run: (ctx, on) => api.moduleReviewRequests(ctx, on.moduleId),
  },
  myReviewRequests: { allowed: EVERYONE, ownOnly: true, run: (ctx) => api.myReviewRequests(ctx) },
};
