import { type Context, inTransaction } from "../auth/context";
import { authorize } from "../auth/policy";
import { cohortsToMoveTo, learnersCohort, openMoveRequest, recordMoveRequest } from "../cohorts/moves";

/**
 * The page where a learner asks, privately, to move from their cohort: the other cohorts still
 * running, each with its dates, training and facilitators, and the request they already made.
 */
export function movePage(ctx: Context, fromCohortId: string) {
  authorize(ctx.actor, "learning.take");
  const { db, actor, now } = ctx;
  const from = learnersCohort(db, actor, fromCohortId);
  return { from, cohorts: cohortsToMoveTo(db, actor.orgId, from.id, now), asked: openMoveRequest(db, actor, from.id) };
}

/** The learner asks to move; only the organisation's trainers will see it, and the reason only if given. */
export function askToMove(ctx: Context, fromCohortId: string, input: { toCohortId: string; reason: string }) {
  authorize(ctx.actor, "learning.take");
  return inTransaction(ctx, (tx) => recordMoveRequest(tx.db, tx.actor, { fromCohortId, ...input }, tx.now));
}
