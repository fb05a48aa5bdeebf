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
import type { Actor } from "../auth/policy";
import { addMembership } from "../organisations/service";
import { InvalidError, NotFoundError } from "../shared/errors";
import { newId } from "../shared/ids";
import { enrolInCohortAssignments } from "./assignments";
import type { CohortDetails } from "./schemas";

export function getCohort(db: DB, orgId: string, cohortId: string) {
  const cohort = db.select().from(cohorts).where(eq(cohorts.id, cohortId)).get();
  if (!cohort || cohort.orgId !== orgId) throw new NotFoundError("That cohort");
  return cohort;
}

export function createCohort(db: DB, actor: Actor, details: CohortDetails, now = new Date()) {
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
}

export function updateCohort(db: DB, actor: Actor, cohortId: string, details: CohortDetails) {
  getCohort(db, actor.orgId, cohortId);
  db.update(cohorts).set(details).where(eq(cohorts.id, cohortId)).run();
}

/** Archiving keeps everything (members, progress, exports); the cohort leaves the active list. */
export function setCohortArchived(db: DB, actor: Actor, cohortId: string, archived: boolean, now = new Date()) {
  getCohort(db, actor.orgId, cohortId);
  db.update(cohorts)
    .set({ archivedAt: archived ? now : null })
    .where(eq(cohorts.id, cohortId))
    .run();
}

export function listCohorts(db: DB, orgId: string, archived = false) {
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

export function setCohortFacilitator(db: DB, actor: Actor, cohortId: string, userId: string, bio: string) {
  getCohort(db, actor.orgId, cohortId);
  requireOrgMember(db, actor.orgId, userId);
  db.insert(cohortFacilitators)
    .values({ cohortId, userId, bio })
    .onConflictDoUpdate({ target: [cohortFacilitators.cohortId, cohortFacilitators.userId], set: { bio } })
    .run();
}

export function removeCohortFacilitator(db: DB, actor: Actor, cohortId: string, userId: string) {
  getCohort(db, actor.orgId, cohortId);
  db.delete(cohortFacilitators)
    .where(and(eq(cohortFacilitators.cohortId, cohortId), eq(cohortFacilitators.userId, userId)))
    .run();
}

/** The people who facilitate a cohort, as learners see them before they begin. */
export function cohortFacilitatorsOf(db: DB, cohortId: string) {
  return db
    .select({ userId: users.id, name: users.name, bio: cohortFacilitators.bio })
    .from(cohortFacilitators)
    .innerJoin(users, eq(users.id, cohortFacilitators.userId))
    .where(eq(cohortFacilitators.cohortId, cohortId))
    .orderBy(asc(users.name))
    .all();
}

/**
 * Makes someone a learner in a cohort: they become a learner of the organisation if they were not
 * already, join the cohort, and are enrolled in everything assigned to it.
 */
export function joinCohort(db: DB, orgId: string, cohortId: string, userId: string, now = new Date()) {
  addMembership(db, orgId, userId, ["learner"], now);
  db.insert(cohortMembers)
    .values({ cohortId, userId, addedAt: now })
    .onConflictDoUpdate({ target: [cohortMembers.cohortId, cohortMembers.userId], set: { removedAt: null } })
    .run();
  enrolInCohortAssignments(db, orgId, cohortId, [userId], now);
}

export function addCohortMember(db: DB, actor: Actor, cohortId: string, userId: string, now = new Date()) {
  db.transaction((tx) => {
    getCohort(tx, actor.orgId, cohortId);
    requireOrgMember(tx, actor.orgId, userId);
    joinCohort(tx, actor.orgId, cohortId, userId, now);
  });
}

/** Takes a learner out of the cohort. Their own progress stays theirs; they leave the dashboard. */
export function removeCohortMember(db: DB, actor: Actor, cohortId: string, userId: string, now = new Date()) {
  getCohort(db, actor.orgId, cohortId);
  const changed = db
    .update(cohortMembers)
    .set({ removedAt: now })
    .where(and(eq(cohortMembers.cohortId, cohortId), eq(cohortMembers.userId, userId), isNull(cohortMembers.removedAt)))
    .run();
  if (changed.changes === 0) throw new NotFoundError("That learner");
}

export function cohortMemberList(db: DB, cohortId: string) {
  return db
    .select({ userId: users.id, name: users.name, email: users.email, addedAt: cohortMembers.addedAt })
    .from(cohortMembers)
    .innerJoin(users, eq(users.id, cohortMembers.userId))
    .where(and(eq(cohortMembers.cohortId, cohortId), isNull(cohortMembers.removedAt)))
    .orderBy(asc(users.name))
    .all();
}

export function cohortInviteeList(db: DB, cohortId: string) {
  return db
    .select({ invitationId: cohortInvitees.invitationId, name: cohortInvitees.name, email: cohortInvitees.email })
    .from(cohortInvitees)
    .where(eq(cohortInvitees.cohortId, cohortId))
    .orderBy(asc(cohortInvitees.name))
    .all();
}

/**
 * Emails a learner list must not bring in again: people in the cohort, and people invited to it whose
 * invitation can still be used (an expired or revoked one may be sent again).
 */
export function cohortEmails(db: DB, cohortId: string, now = new Date()) {
  const members = new Set(cohortMemberList(db, cohortId).map((m) => m.email.toLowerCase()));
  const invited = new Set(
    db
      .select({ email: cohortInvitees.email })
      .from(cohortInvitees)
      .innerJoin(invitations, eq(invitations.id, cohortInvitees.invitationId))
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

/** Trainers and facilitators of the organisation, who may facilitate a cohort. */
export function facilitatorCandidates(db: DB, orgId: string) {
  return db
    .selectDistinct({ userId: users.id, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(membershipRoles, eq(membershipRoles.membershipId, memberships.id))
    .where(and(eq(memberships.orgId, orgId), sql`${membershipRoles.role} in ('trainer', 'facilitator')`))
    .orderBy(asc(users.name))
    .all();
}

/** When the trainer last marked the cohort's news as seen. */
export function lastVisit(db: DB, cohortId: string, userId: string): Date | null {
  return (
    db
      .select({ at: cohortVisits.visitedAt })
      .from(cohortVisits)
      .where(and(eq(cohortVisits.cohortId, cohortId), eq(cohortVisits.userId, userId)))
      .get()?.at ?? null
  );
}

export function markCohortSeen(db: DB, actor: Actor, cohortId: string, now = new Date()) {
  getCohort(db, actor.orgId, cohortId);
  db.insert(cohortVisits)
    .values({ cohortId, userId: actor.userId, visitedAt: now })
    .onConflictDoUpdate({ target: [cohortVisits.cohortId, cohortVisits.userId], set: { visitedAt: now } })
    .run();
}

export function cohortCount(db: DB, orgId: string) {
  return db.select({ n: count() }).from(cohorts).where(eq(cohorts.orgId, orgId)).get()?.n ?? 0;
}
