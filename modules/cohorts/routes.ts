import { and, count, eq, isNull } from "drizzle-orm";
import type { DB } from "../../db/client";
import { assignments, cohortMembers, cohorts, selfPacedLearners } from "../../db/schema";
import { type Context, inTransaction } from "../auth/context";
import { InvalidError, NotFoundError } from "../shared/errors";
import { assignmentOf } from "./assignments";

/**
 * The trainer offers (or stops offering) a self-paced route for one of the cohort's assignments.
 * Learners already on it stay on it: the route was their choice, and it is not taken back.
 */
export function offerSelfPacedRoute(ctx: Context, cohortId: string, assignmentId: string, offered: boolean) {
  inTransaction(ctx, (tx) => {
    const a = assignmentOf(tx, cohortId, assignmentId);
    tx.db.update(assignments).set({ selfPacedRoute: offered }).where(eq(assignments.id, a.id)).run();
  });
}

/** How many learners of each of a cohort's assignments (already found in the organisation) go self-paced. */
export function selfPacedCounts(db: DB, cohortId: string) {
  const rows = db
    .select({ assignmentId: selfPacedLearners.assignmentId, n: count() })
    .from(selfPacedLearners)
    .innerJoin(assignments, eq(assignments.id, selfPacedLearners.assignmentId))
    .innerJoin(
      cohortMembers,
      and(
        eq(cohortMembers.cohortId, assignments.cohortId),
        eq(cohortMembers.userId, selfPacedLearners.userId),
        isNull(cohortMembers.removedAt),
      ),
    )
    .where(eq(assignments.cohortId, cohortId))
    .groupBy(selfPacedLearners.assignmentId)
    .all();
  return new Map(rows.map((r) => [r.assignmentId, r.n]));
}

/** The assignments a learner takes self-paced, of those given to them in the organisation. */
export function selfPacedOf(db: DB, orgId: string, userId: string): Set<string> {
  const rows = db
    .select({ assignmentId: selfPacedLearners.assignmentId })
    .from(selfPacedLearners)
    .innerJoin(assignments, eq(assignments.id, selfPacedLearners.assignmentId))
    .innerJoin(cohorts, and(eq(cohorts.id, assignments.cohortId), eq(cohorts.orgId, orgId)))
    .where(eq(selfPacedLearners.userId, userId))
    .all();
  return new Set(rows.map((r) => r.assignmentId));
}

/**
 * A learner takes an assignment's self-paced route instead of the live sessions, or goes back to
 * them. Only an assignment of a cohort they are in, in their organisation, is theirs to choose on;
 * any other is not found. No reason is asked for, and none is kept.
 */
export function chooseSelfPaced(
  db: DB,
  learner: { orgId: string; userId: string },
  assignmentId: string,
  selfPaced: boolean,
  now: Date,
) {
  const assignment = db
    .select({ id: assignments.id, offered: assignments.selfPacedRoute })
    .from(assignments)
    .innerJoin(cohorts, and(eq(cohorts.id, assignments.cohortId), eq(cohorts.orgId, learner.orgId)))
    .innerJoin(
      cohortMembers,
      and(
        eq(cohortMembers.cohortId, cohorts.id),
        eq(cohortMembers.userId, learner.userId),
        isNull(cohortMembers.removedAt),
      ),
    )
    .where(eq(assignments.id, assignmentId))
    .get();
  if (!assignment) throw new NotFoundError("That course");
  if (!selfPaced) {
    db.delete(selfPacedLearners)
      .where(and(eq(selfPacedLearners.assignmentId, assignment.id), eq(selfPacedLearners.userId, learner.userId)))
      .run();
    return;
  }
  if (!assignment.offered) throw new InvalidError("This course has no self-paced route. Ask your trainer about one.");
  db.insert(selfPacedLearners)
    .values({ assignmentId: assignment.id, userId: learner.userId, chosenAt: now })
    .onConflictDoNothing()
    .run();
}
