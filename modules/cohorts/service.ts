import { and, asc, count, eq, gt, isNull, lt, sql } from "drizzle-orm";
import type { DB } from "../../db/client";
import {
  cohortFacilitators,
  cohortInvitees,
  cohortMembers,
  cohorts,
  cohortVisits,
  invitations,
  membershipRoles,
  memberships,
  users,
} from "../../db/schema";
import { recordAudit } from "../audit/service";
import { type Context, inTransaction } from "../auth/context";
import { authorize } from "../auth/policy";
import { roleHolders } from "../organisations/role-holders";
import { addMembership } from "../organisations/service";
import { InvalidError, NotFoundError } from "../shared/errors";
import { newId } from "../shared/ids";
import { enrolInCohortAssignments } from "./assignments";
import { moveRequestsFrom } from "./moves";
import { completionsSinceLastVisit } from "./news";
import type { CohortDetails } from "./schemas";

/**
 * The cohort, when it is of the actor's organisation (anything else is "not found") and they may
 * manage cohorts. Every cohort use case starts here.
 */
export function getCohort(ctx: Context, cohortId: string) {
  const cohort = ctx.db
    .select()
    .from(cohorts)
    .where(and(eq(cohorts.id, cohortId), eq(cohorts.orgId, ctx.actor.orgId)))
    .get();
  if (!cohort) throw new NotFoundError("That cohort");
  authorize(ctx.actor, "cohort.manage", cohort);
  return cohort;
}

export function createCohort(ctx: Context, details: CohortDetails) {
  authorize(ctx.actor, "cohort.manage");
  return inTransaction(ctx, ({ db, actor, now }) => {
    const id = newId();
    db.insert(cohorts)
      .values({ id, orgId: actor.orgId, ...details, createdBy: actor.userId, createdAt: now })
      .run();
    recordAudit(
      db,
      { orgId: actor.orgId, actorUserId: actor.userId, action: "cohort.created", targetType: "cohort", targetId: id },
      now,
    );
    return { id };
  });
}

export function updateCohort(ctx: Context, cohortId: string, details: CohortDetails) {
  inTransaction(ctx, (tx) => {
    getCohort(tx, cohortId);
    tx.db.update(cohorts).set(details).where(eq(cohorts.id, cohortId)).run();
  });
}

/** Archiving keeps everything (members, progress, exports); the cohort leaves the active list. */
export function setCohortArchived(ctx: Context, cohortId: string, archived: boolean) {
  inTransaction(ctx, (tx) => {
    getCohort(tx, cohortId);
    tx.db
      .update(cohorts)
      .set({ archivedAt: archived ? tx.now : null })
      .where(eq(cohorts.id, cohortId))
      .run();
  });
}

/** The organisation's active (or archived) cohorts, each with its completions since the trainer last looked. */
export function listCohorts(ctx: Context, options: { archived: boolean }) {
  authorize(ctx.actor, "cohort.manage");
  const news = completionsSinceLastVisit(ctx.db, ctx.actor.orgId, ctx.actor.userId);
  return cohortsOf(ctx.db, ctx.actor.orgId, options.archived).map((c) => ({
    ...c,
    newCompletions: news.get(c.id) ?? 0,
  }));
}

export function cohortsOf(db: DB, orgId: string, archived = false) {
  return db
    .select({
      id: cohorts.id,
      name: cohorts.name,
      startsOn: cohorts.startsOn,
      endsOn: cohorts.endsOn,
      archivedAt: cohorts.archivedAt,
      // Qualified by hand: in a select without joins Drizzle writes ${cohorts.id} as a bare "id", which
      // inside the subquery would name the subquery's own table (assignments has an id column).
      learners: sql<number>`(select count(*) from ${cohortMembers} cm where cm.cohort_id = "cohorts"."id" and cm.removed_at is null)`,
      assignments: sql<number>`(select count(*) from assignments a where a.cohort_id = "cohorts"."id")`,
    })
    .from(cohorts)
    .where(
      and(eq(cohorts.orgId, orgId), archived ? sql`${cohorts.archivedAt} is not null` : isNull(cohorts.archivedAt)),
    )
    .orderBy(asc(cohorts.startsOn), asc(cohorts.name))
    .all();
}

function requireOrgMember(db: DB, orgId: string, userId: string) {
  const member = db
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)))
    .get();
  if (!member) throw new InvalidError("Choose a member of your organisation.", "userId");
  return member;
}

/** The details page: the cohort, who facilitates it, and who else could. */
export function detailsPage(ctx: Context, cohortId: string) {
  const cohort = getCohort(ctx, cohortId);
  const facilitators = cohortFacilitatorsOf(ctx.db, ctx.actor.orgId, cohort.id);
  const on = new Set(facilitators.map((f) => f.userId));
  return {
    cohort,
    facilitators,
    candidates: facilitatorCandidates(ctx.db, ctx.actor.orgId).filter((c) => !on.has(c.userId)),
  };
}

export function setCohortFacilitator(ctx: Context, cohortId: string, userId: string, bio: string) {
  inTransaction(ctx, (tx) => {
    getCohort(tx, cohortId);
    requireOrgMember(tx.db, tx.actor.orgId, userId);
    tx.db
      .insert(cohortFacilitators)
      .values({ cohortId, userId, bio })
      .onConflictDoUpdate({ target: [cohortFacilitators.cohortId, cohortFacilitators.userId], set: { bio } })
      .run();
  });
}

export function removeCohortFacilitator(ctx: Context, cohortId: string, userId: string) {
  inTransaction(ctx, (tx) => {
    getCohort(tx, cohortId);
    tx.db
      .delete(cohortFacilitators)
      .where(and(eq(cohortFacilitators.cohortId, cohortId), eq(cohortFacilitators.userId, userId)))
      .run();
  });
}

/** The people who facilitate a cohort of the organisation, as learners see them before they begin. */
export function cohortFacilitatorsOf(db: DB, orgId: string, cohortId: string) {
  return db
    .select({ userId: users.id, name: users.name, bio: cohortFacilitators.bio })
    .from(cohortFacilitators)
    .innerJoin(cohorts, and(eq(cohorts.id, cohortFacilitators.cohortId), eq(cohorts.orgId, orgId)))
    .innerJoin(users, eq(users.id, cohortFacilitators.userId))
    .where(eq(cohortFacilitators.cohortId, cohortId))
    .orderBy(asc(users.name))
    .all();
}

/** Trainers and facilitators of the organisation, who may facilitate a cohort. */
export function facilitatorCandidates(db: DB, orgId: string) {
  return roleHolders(db, orgId, ["trainer", "facilitator"]);
}

/**
 * Makes someone a learner in a cohort: they become a learner of the organisation if they were not
 * already, join the cohort, and are enrolled in everything assigned to it. For callers that have
 * already found the cohort in the organisation (adding a member, accepting an invitation, the seed).
 */
export function joinCohort(db: DB, orgId: string, cohortId: string, userId: string, now = new Date()) {
  addMembership(db, orgId, userId, ["learner"], now);
  db.insert(cohortMembers)
    .values({ cohortId, userId, addedAt: now })
    .onConflictDoUpdate({ target: [cohortMembers.cohortId, cohortMembers.userId], set: { removedAt: null } })
    .run();
  enrolInCohortAssignments(db, orgId, cohortId, [userId], now);
}

export function addCohortMember(ctx: Context, cohortId: string, userId: string) {
  inTransaction(ctx, (tx) => {
    getCohort(tx, cohortId);
    requireOrgMember(tx.db, tx.actor.orgId, userId);
    joinCohort(tx.db, tx.actor.orgId, cohortId, userId, tx.now);
  });
}

/** Takes a learner out of the cohort. Their own progress stays theirs; they leave the dashboard. */
export function removeCohortMember(ctx: Context, cohortId: string, userId: string) {
  inTransaction(ctx, (tx) => {
    getCohort(tx, cohortId);
    const changed = tx.db
      .update(cohortMembers)
      .set({ removedAt: tx.now })
      .where(
        and(eq(cohortMembers.cohortId, cohortId), eq(cohortMembers.userId, userId), isNull(cohortMembers.removedAt)),
      )
      .run();
    if (changed.changes === 0) throw new NotFoundError("That learner");
  });
}

/**
 * The learners page: who is in the cohort, who is invited and has not joined, who could be added, and
 * who asked to move to another cohort (with their reason, if they gave one: only trainers see it).
 */
export function learnersPage(ctx: Context, cohortId: string) {
  const cohort = getCohort(ctx, cohortId);
  const { db, actor } = ctx;
  return {
    cohortId: cohort.id,
    members: cohortMemberList(db, actor.orgId, cohort.id),
    invitees: cohortInviteeList(db, actor.orgId, cohort.id),
    candidates: memberCandidates(db, actor.orgId, cohort.id),
    moveRequests: moveRequestsFrom(db, actor.orgId, cohort.id),
  };
}

/** The current learners of a cohort of the organisation, by name. */
export function cohortMemberList(db: DB, orgId: string, cohortId: string) {
  return db
    .select({ userId: users.id, name: users.name, email: users.email, addedAt: cohortMembers.addedAt })
    .from(cohortMembers)
    .innerJoin(cohorts, and(eq(cohorts.id, cohortMembers.cohortId), eq(cohorts.orgId, orgId)))
    .innerJoin(users, eq(users.id, cohortMembers.userId))
    .where(and(eq(cohortMembers.cohortId, cohortId), isNull(cohortMembers.removedAt)))
    .orderBy(asc(users.name))
    .all();
}

/** People invited to a cohort of the organisation from a learner list, who have not joined yet. */
export function cohortInviteeList(db: DB, orgId: string, cohortId: string) {
  return db
    .select({ invitationId: cohortInvitees.invitationId, name: cohortInvitees.name, email: cohortInvitees.email })
    .from(cohortInvitees)
    .innerJoin(cohorts, and(eq(cohorts.id, cohortInvitees.cohortId), eq(cohorts.orgId, orgId)))
    .where(eq(cohortInvitees.cohortId, cohortId))
    .orderBy(asc(cohortInvitees.name))
    .all();
}

/**
 * Emails a learner list must not bring in again: people in the cohort, and people invited to it whose
 * invitation can still be used (an expired or revoked one may be sent again).
 */
export function cohortEmails(db: DB, orgId: string, cohortId: string, now: Date) {
  const members = new Set(cohortMemberList(db, orgId, cohortId).map((m) => m.email.toLowerCase()));
  const invited = new Set(
    db
      .select({ email: cohortInvitees.email })
      .from(cohortInvitees)
      .innerJoin(invitations, and(eq(invitations.id, cohortInvitees.invitationId), eq(invitations.orgId, orgId)))
      .where(
        and(
          eq(cohortInvitees.cohortId, cohortId),
          isNull(invitations.revokedAt),
          gt(invitations.expiresAt, now),
          lt(invitations.uses, invitations.maxUses),
        ),
      )
      .all()
      .map((r) => r.email.toLowerCase()),
  );
  return { members, invited };
}

/** Organisation members who could be added (not already in the cohort), learners first. */
export function memberCandidates(db: DB, orgId: string, cohortId: string) {
  return db
    .select({
      userId: users.id,
      name: users.name,
      isLearner: sql<number>`exists (select 1 from ${membershipRoles} r where r.membership_id = ${memberships.id} and r.role = 'learner')`,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.orgId, orgId),
        sql`not exists (select 1 from ${cohortMembers} cm where cm.cohort_id = ${cohortId} and cm.user_id = ${users.id} and cm.removed_at is null)`,
      ),
    )
    .orderBy(sql`3 desc`, asc(users.name))
    .all();
}

/** When this person last marked a cohort of the organisation's news as seen. */
export function lastVisit(db: DB, orgId: string, cohortId: string, userId: string): Date | null {
  return (
    db
      .select({ at: cohortVisits.visitedAt })
      .from(cohortVisits)
      .innerJoin(cohorts, and(eq(cohorts.id, cohortVisits.cohortId), eq(cohorts.orgId, orgId)))
      .where(and(eq(cohortVisits.cohortId, cohortId), eq(cohortVisits.userId, userId)))
      .get()?.at ?? null
  );
}

export function markCohortSeen(ctx: Context, cohortId: string) {
  inTransaction(ctx, (tx) => {
    getCohort(tx, cohortId);
    const { db, actor, now } = tx;
    db.insert(cohortVisits)
      .values({ cohortId, userId: actor.userId, visitedAt: now })
      .onConflictDoUpdate({ target: [cohortVisits.cohortId, cohortVisits.userId], set: { visitedAt: now } })
      .run();
  });
}

export function cohortCount(db: DB, orgId: string) {
  return db.select({ n: count() }).from(cohorts).where(eq(cohorts.orgId, orgId)).get()?.n ?? 0;
}
