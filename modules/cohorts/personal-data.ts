import { eq, or } from "drizzle-orm";
import type { DB } from "../../db/client";
import {
  assignments,
  cohortFacilitators,
  cohortInvitees,
  cohortMembers,
  cohortMoveRequests,
  cohorts,
  cohortVisits,
  selfPacedLearners,
} from "../../db/schema";

export const cohortMemberRows = (db: DB, userId: string) =>
  db.select().from(cohortMembers).where(eq(cohortMembers.userId, userId)).all();

export const cohortFacilitatorRows = (db: DB, userId: string) =>
  db.select().from(cohortFacilitators).where(eq(cohortFacilitators.userId, userId)).all();

export const cohortVisitRows = (db: DB, userId: string) =>
  db.select().from(cohortVisits).where(eq(cohortVisits.userId, userId)).all();

export const selfPacedRows = (db: DB, userId: string) =>
  db.select().from(selfPacedLearners).where(eq(selfPacedLearners.userId, userId)).all();

export const moveRequestRows = (db: DB, userId: string) =>
  db.select().from(cohortMoveRequests).where(eq(cohortMoveRequests.userId, userId)).all();

export const cohortInviteeRows = (db: DB, email: string) =>
  db
    .select({
      cohortId: cohortInvitees.cohortId,
      name: cohortInvitees.name,
      email: cohortInvitees.email,
      addedAt: cohortInvitees.addedAt,
    })
    .from(cohortInvitees)
    .where(eq(cohortInvitees.email, email.toLowerCase()))
    .all();

export const cohortsCreatedRows = (db: DB, userId: string) =>
  db
    .select({ id: cohorts.id, name: cohorts.name, createdAt: cohorts.createdAt })
    .from(cohorts)
    .where(eq(cohorts.createdBy, userId))
    .all();

export const assignmentsCreatedRows = (db: DB, userId: string) =>
  db
    .select({
      id: assignments.id,
      cohortId: assignments.cohortId,
      courseId: assignments.courseId,
      createdAt: assignments.createdAt,
    })
    .from(assignments)
    .where(eq(assignments.createdBy, userId))
    .all();

/** Everything that places the person in a cohort goes, so no dashboard or list shows them again. */
export function eraseCohortPlaces(db: DB, userId: string, email: string) {
  db.delete(cohortMembers).where(eq(cohortMembers.userId, userId)).run();
  db.delete(cohortFacilitators).where(eq(cohortFacilitators.userId, userId)).run();
  db.delete(cohortVisits).where(eq(cohortVisits.userId, userId)).run();
  db.delete(selfPacedLearners).where(eq(selfPacedLearners.userId, userId)).run();
  db.delete(cohortMoveRequests).where(eq(cohortMoveRequests.userId, userId)).run();
  db.delete(cohortInvitees)
    .where(or(eq(cohortInvitees.email, email.toLowerCase()), eq(cohortInvitees.email, email)))
    .run();
}
