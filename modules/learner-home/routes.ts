import { type Context, inTransaction } from "../auth/context";
import { authorize } from "../auth/policy";
import { chooseSelfPaced } from "../cohorts/routes";

/**
 * The learner takes a course's self-paced route instead of its live sessions, or goes back to them.
 * It is their choice alone: nobody asks why, and nothing but the choice is kept.
 */
export function chooseRoute(ctx: Context, input: { assignmentId: string; route: "self_paced" | "live" }) {
  authorize(ctx.actor, "learning.take");
  inTransaction(ctx, (tx) =>
    chooseSelfPaced(tx.db, tx.actor, input.assignmentId, input.route === "self_paced", tx.now),
  );
}
