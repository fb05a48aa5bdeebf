import { and, eq, sql } from "drizzle-orm";
import type { DB } from "../../db/client";
import { courseCompletions, enrolments, formerLearnerCounts, moduleProgress, progressEvents } from "../../db/schema";

export const progressEventRows = (db: DB, userId: string) =>
  db
    .select({
      enrolmentId: progressEvents.enrolmentId,
      moduleVersionId: progressEvents.moduleVersionId,
      kind: progressEvents.kind,
      section: progressEvents.section,
      checkId: progressEvents.checkId,
      correct: progressEvents.correct,
      answer: progressEvents.answer,
      at: progressEvents.at,
    })
    .from(progressEvents)
    .innerJoin(enrolments, eq(enrolments.id, progressEvents.enrolmentId))
    .where(eq(enrolments.userId, userId))
    .all();

export const moduleProgressRows = (db: DB, userId: string) =>
  db
    .select({
      enrolmentId: moduleProgress.enrolmentId,
      moduleId: moduleProgress.moduleId,
      startedAt: moduleProgress.startedAt,
      completedAt: moduleProgress.completedAt,
    })
    .from(moduleProgress)
    .innerJoin(enrolments, eq(enrolments.id, moduleProgress.enrolmentId))
    .where(eq(enrolments.userId, userId))
    .all();

export const courseCompletionRows = (db: DB, userId: string) =>
  db
    .select({ enrolmentId: courseCompletions.enrolmentId, completedAt: courseCompletions.completedAt })
    .from(courseCompletions)
    .innerJoin(enrolments, eq(enrolments.id, courseCompletions.enrolmentId))
    .where(eq(enrolments.userId, userId))
    .all();

function bump(db: DB, key: { orgId: string; courseId: string; moduleId: string }, completed: boolean) {
  db.insert(formerLearnerCounts)
    .values({ ...key, started: 1, completed: completed ? 1 : 0 })
    .onConflictDoUpdate({
      target: [formerLearnerCounts.orgId, formerLearnerCounts.courseId, formerLearnerCounts.moduleId],
      set: {
        started: sql`${formerLearnerCounts.started} + 1`,
        completed: sql`${formerLearnerCounts.completed} + ${completed ? 1 : 0}`,
      },
    })
    .run();
}

/**
 * Before a learner's progress is removed, what they did is added to counts that name no one: how many
 * started and finished each module and course. Totals stay right after the person has gone.
 */
export function keepAsCounts(db: DB, userId: string, orgId?: string) {
  const theirs = db
    .select({ id: enrolments.id, orgId: enrolments.orgId, courseId: enrolments.courseId })
    .from(enrolments)
    .where(and(eq(enrolments.userId, userId), orgId ? eq(enrolments.orgId, orgId) : undefined))
    .all();
  for (const e of theirs) {
    const key = { orgId: e.orgId, courseId: e.courseId };
    for (const m of db.select().from(moduleProgress).where(eq(moduleProgress.enrolmentId, e.id)).all()) {
      bump(db, { ...key, moduleId: m.moduleId }, m.completedAt !== null);
    }
    const done = db.select().from(courseCompletions).where(eq(courseCompletions.enrolmentId, e.id)).get();
    bump(db, { ...key, moduleId: "" }, done !== undefined);
  }
}

/** The counts of former learners in an organisation, per course and module ("" is the course itself). */
export const formerLearnerTotals = (db: DB, orgId: string) =>
  db.select().from(formerLearnerCounts).where(eq(formerLearnerCounts.orgId, orgId)).all();
