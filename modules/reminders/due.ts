import { and, eq, isNotNull, isNull } from "drizzle-orm";
import type { DB } from "../../db/client";
import {
  assignments,
  cohortMembers,
  cohorts,
  courseCompletions,
  courseVersions,
  enrolments,
  organisations,
  remindersSent,
  users,
} from "../../db/schema";

export type ReminderKind = "before" | "after";

/**
 * Learners in a current cohort, enrolled in a course assigned to it with a due date, who have not
 * completed it: the only people a reminder can be for.
 */
export function learnersWithDueDates(db: DB) {
  return db
    .select({
      assignmentId: assignments.id,
      dueOn: assignments.dueOn,
      orgId: cohorts.orgId,
      orgName: organisations.name,
      userId: users.id,
      name: users.name,
      email: users.email,
      enrolmentId: enrolments.id,
      courseTitle: courseVersions.title,
    })
    .from(assignments)
    .innerJoin(cohorts, and(eq(cohorts.id, assignments.cohortId), isNull(cohorts.archivedAt)))
    .innerJoin(organisations, eq(organisations.id, cohorts.orgId))
    .innerJoin(cohortMembers, and(eq(cohortMembers.cohortId, cohorts.id), isNull(cohortMembers.removedAt)))
    .innerJoin(users, eq(users.id, cohortMembers.userId))
    .innerJoin(
      enrolments,
      and(
        eq(enrolments.userId, cohortMembers.userId),
        eq(enrolments.courseId, assignments.courseId),
        eq(enrolments.orgId, cohorts.orgId),
      ),
    )
    .innerJoin(courseVersions, eq(courseVersions.id, enrolments.courseVersionId))
    .leftJoin(courseCompletions, eq(courseCompletions.enrolmentId, enrolments.id))
    .where(and(isNotNull(assignments.dueOn), isNull(courseCompletions.enrolmentId)))
    .all() as Array<{
    assignmentId: string;
    dueOn: string;
    orgId: string;
    orgName: string;
    userId: string;
    name: string;
    email: string;
    enrolmentId: string;
    courseTitle: string;
  }>;
}

/**
 * Records a reminder as sent; false when it already was. The insert is the guard: whichever pass
 * gets there first sends it, and a second pass (or process) finds the row and sends nothing.
 */
export function recordReminder(db: DB, assignmentId: string, userId: string, kind: ReminderKind, now: Date): boolean {
  return (
    db.insert(remindersSent).values({ assignmentId, userId, kind, sentAt: now }).onConflictDoNothing().run().changes ===
    1
  );
}
