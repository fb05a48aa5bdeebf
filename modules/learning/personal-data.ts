import { and, eq, type SQL } from "drizzle-orm";
import type { DB } from "../../db/client";
import { enrolments, reflections } from "../../db/schema";

/** Only ever read for the person themself: the journal is health data and leaves only in their own download. */
export const reflectionRows = (db: DB, userId: string) =>
  db.select().from(reflections).where(eq(reflections.userId, userId)).all();

export const enrolmentRows = (db: DB, userId: string) =>
  db.select().from(enrolments).where(eq(enrolments.userId, userId)).all();

const inOrg = (column: typeof enrolments.orgId | typeof reflections.orgId, orgId?: string): SQL | undefined =>
  orgId ? eq(column, orgId) : undefined;

/**
 * The person's journal and enrolments go (in one organisation, or everywhere); progress goes with
 * the enrolments. Keep the counts first (progress/former-learners.ts), or they are lost with them.
 */
export function eraseLearning(db: DB, userId: string, orgId?: string) {
  db.delete(reflections)
    .where(and(eq(reflections.userId, userId), inOrg(reflections.orgId, orgId)))
    .run();
  db.delete(enrolments)
    .where(and(eq(enrolments.userId, userId), inOrg(enrolments.orgId, orgId)))
    .run();
}
