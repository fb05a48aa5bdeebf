import { and, asc, eq, isNull } from "drizzle-orm";
import type { DB } from "../../db/client";
import { cohortMembers, cohortMoveRequests, cohorts, users } from "../../db/schema";
import { type Context, inTransaction } from "../auth/context";
import { notify } from "../notices/service";
import { todayInLondon } from "../shared/dates";
import { InvalidError, NotFoundError } from "../shared/errors";
import { newId } from "../shared/ids";
import { cohortIntroduction } from "./introduction";
import { getCohort, joinCohort } from "./service";

const CHOOSE = "Choose one of the cohorts listed here.";

/** A cohort of the organisation the learner is in now; any other is not found. */
export function learnersCohort(db: DB, learner: { orgId: string; userId: string }, cohortId: string) {
  const cohort = db
    .select({ id: cohorts.id, name: cohorts.name })
    .from(cohorts)
    .innerJoin(
      cohortMembers,
      and(
        eq(cohortMembers.cohortId, cohorts.id),
        eq(cohortMembers.userId, learner.userId),
        isNull(cohortMembers.removedAt),
      ),
    )
    .where(and(eq(cohorts.id, cohortId), eq(cohorts.orgId, learner.orgId)))
    .get();
  if (!cohort) throw new NotFoundError("That cohort");
  return cohort;
}

/** The cohorts a learner could ask to move to: the organisation's others that are open and not finished. */
export function cohortsToMoveTo(db: DB, orgId: string, fromCohortId: string, now: Date) {
  const today = todayInLondon(now);
  return db
    .select({ id: cohorts.id, endsOn: cohorts.endsOn })
    .from(cohorts)
    .where(and(eq(cohorts.orgId, orgId), isNull(cohorts.archivedAt)))
    .orderBy(asc(cohorts.startsOn), asc(cohorts.name))
    .all()
    .filter((c) => c.id !== fromCohortId && (c.endsOn === null || c.endsOn >= today))
    .flatMap((c) => cohortIntroduction(db, orgId, c.id) ?? []);
}

/** The learner's open request to leave a cohort, if they made one. */
export function openMoveRequest(db: DB, learner: { orgId: string; userId: string }, fromCohortId: string) {
  return (
    db
      .select({ id: cohortMoveRequests.id, toCohortId: cohortMoveRequests.toCohortId, toCohortName: cohorts.name })
      .from(cohortMoveRequests)
      .innerJoin(cohorts, eq(cohorts.id, cohortMoveRequests.toCohortId))
      .where(
        and(
          eq(cohortMoveRequests.orgId, learner.orgId),
          eq(cohortMoveRequests.userId, learner.userId),
          eq(cohortMoveRequests.fromCohortId, fromCohortId),
          isNull(cohortMoveRequests.resolvedAt),
        ),
      )
      .get() ?? null
  );
}

/**
 * Records a learner's request to move from their cohort to another of the organisation that has not
 * finished. A second request from the same cohort replaces the first. The reason may be empty.
 */
export function recordMoveRequest(
  db: DB,
  learner: { orgId: string; userId: string },
  input: { fromCohortId: string; toCohortId: string; reason: string },
  now: Date,
) {
  const from = learnersCohort(db, learner, input.fromCohortId);
  if (input.toCohortId === from.id) throw new InvalidError(`You are in this cohort already. ${CHOOSE}`, "toCohortId");
  const to = db
    .select({ id: cohorts.id, endsOn: cohorts.endsOn, archivedAt: cohorts.archivedAt })
    .from(cohorts)
    .where(and(eq(cohorts.id, input.toCohortId), eq(cohorts.orgId, learner.orgId)))
    .get();
  // Another organisation's cohort is not named as such: to this learner it is not there.
  if (!to || to.archivedAt) throw new InvalidError(CHOOSE, "toCohortId");
  if (to.endsOn !== null && to.endsOn < todayInLondon(now)) {
    throw new InvalidError("That cohort has already finished. Choose one that is still running.", "toCohortId");
  }
  const open = openMoveRequest(db, learner, from.id);
  if (open) {
    db.update(cohortMoveRequests)
      .set({ toCohortId: to.id, reason: input.reason, createdAt: now })
      .where(eq(cohortMoveRequests.id, open.id))
      .run();
    return { id: open.id };
  }
  const id = newId();
  db.insert(cohortMoveRequests)
    .values({
      id,
      orgId: learner.orgId,
      userId: learner.userId,
      fromCohortId: from.id,
      toCohortId: to.id,
      reason: input.reason,
      createdAt: now,
    })
    .run();
  return { id };
}

/** The open requests to leave a cohort already found in the organisation, for its trainers only. */
export function moveRequestsFrom(db: DB, orgId: string, cohortId: string) {
  return db
    .select({
      id: cohortMoveRequests.id,
      userId: users.id,
      name: users.name,
      toCohortId: cohorts.id,
      toCohortName: cohorts.name,
      reason: cohortMoveRequests.reason,
      createdAt: cohortMoveRequests.createdAt,
    })
    .from(cohortMoveRequests)
    .innerJoin(users, eq(users.id, cohortMoveRequests.userId))
    .innerJoin(cohorts, and(eq(cohorts.id, cohortMoveRequests.toCohortId), eq(cohorts.orgId, orgId)))
    .where(
      and(
        eq(cohortMoveRequests.orgId, orgId),
        eq(cohortMoveRequests.fromCohortId, cohortId),
        isNull(cohortMoveRequests.resolvedAt),
      ),
    )
    .orderBy(asc(cohortMoveRequests.createdAt))
    .all();
}

function openRequestOf(ctx: Context, cohortId: string, requestId: string) {
  const cohort = getCohort(ctx, cohortId);
  const request = ctx.db
    .select()
    .from(cohortMoveRequests)
    .where(
      and(
        eq(cohortMoveRequests.id, requestId),
        eq(cohortMoveRequests.orgId, ctx.actor.orgId),
        eq(cohortMoveRequests.fromCohortId, cohort.id),
        isNull(cohortMoveRequests.resolvedAt),
      ),
    )
    .get();
  if (!request) throw new NotFoundError("That request");
  return request;
}

/**
 * The trainer moves the learner as they asked: out of this cohort and into the other, enrolled in
 * what it gives. Their enrolments are theirs, not the cohort's, so every module they completed and
 * where they were stay as they were, and the new cohort's dashboard shows them.
 */
export function moveLearner(ctx: Context, cohortId: string, requestId: string) {
  inTransaction(ctx, (tx) => {
    const request = openRequestOf(tx, cohortId, requestId);
    const { db, actor, now } = tx;
    const to = db
      .select({ id: cohorts.id, name: cohorts.name })
      .from(cohorts)
      .where(and(eq(cohorts.id, request.toCohortId), eq(cohorts.orgId, actor.orgId)))
      .get();
    if (!to) throw new NotFoundError("That cohort");
    db.update(cohortMembers)
      .set({ removedAt: now })
      .where(
        and(
          eq(cohortMembers.cohortId, request.fromCohortId),
          eq(cohortMembers.userId, request.userId),
          isNull(cohortMembers.removedAt),
        ),
      )
      .run();
    joinCohort(db, actor.orgId, to.id, request.userId, now);
    db.update(cohortMoveRequests)
      .set({ resolvedAt: now, outcome: "moved" })
      .where(eq(cohortMoveRequests.id, request.id))
      .run();
    notify(
      db,
      actor.orgId,
      [request.userId],
      {
        kind: "cohort_moved",
        title: `You are now in ${to.name}`,
        body: "Everything you completed still counts.",
        link: "/learn",
      },
      now,
    );
  });
}

/** The trainer keeps the learner where they are; the request is closed and nothing else changes. */
export function keepLearner(ctx: Context, cohortId: string, requestId: string) {
  inTransaction(ctx, (tx) => {
    const request = openRequestOf(tx, cohortId, requestId);
    tx.db
      .update(cohortMoveRequests)
      .set({ resolvedAt: tx.now, outcome: "kept" })
      .where(eq(cohortMoveRequests.id, request.id))
      .run();
  });
}
