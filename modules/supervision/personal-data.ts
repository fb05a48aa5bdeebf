import { and, eq, inArray } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import type { DB } from "../../db/client";
import { memberships, supervisionPages, supervisionShareHistory, supervisionShares } from "../../db/schema";

/** Only ever read for the learner themself: like the journal they draw on, these are health data. */
export const supervisionPageRows = (db: DB, userId: string) =>
  db.select().from(supervisionPages).where(eq(supervisionPages.userId, userId)).all();

/**
 * The copies the learner shared. Copies shared with them as a supervisor are other learners' words,
 * so they are not in this person's download.
 */
export const supervisionShareRows = (db: DB, userId: string) =>
  db.select().from(supervisionShares).where(eq(supervisionShares.learnerId, userId)).all();

export const shareHistoryRows = (db: DB, userId: string) =>
  db.select().from(supervisionShareHistory).where(eq(supervisionShareHistory.userId, userId)).all();

/**
 * The learner's pages, the copies shared from them and their history of sharing, in one organisation
 * or everywhere. They are made from the journal, so they go whenever it goes (retention included).
 */
export function eraseLearnerSupervision(db: DB, userId: string, orgId?: string) {
  const inOrg = (column: SQLiteColumn) => (orgId ? eq(column, orgId) : undefined);
  db.delete(supervisionShares)
    .where(and(eq(supervisionShares.learnerId, userId), inOrg(supervisionShares.orgId)))
    .run();
  db.delete(supervisionPages)
    .where(and(eq(supervisionPages.userId, userId), inOrg(supervisionPages.orgId)))
    .run();
  db.delete(supervisionShareHistory)
    .where(and(eq(supervisionShareHistory.userId, userId), inOrg(supervisionShareHistory.orgId)))
    .run();
}

/**
 * Erasing the person: their own supervision goes, and so do copies others shared with them as
 * supervisor, which nobody could read any more. Other learners' histories keep the share, with the
 * supervisor's name replaced: a history names a supervisor only by the name shown when it was
 * written, so it is matched by that name in the organisations the person belongs to. Run before the
 * memberships go.
 */
export function eraseSupervision(db: DB, person: { id: string; name: string }, formerName: string) {
  const theirOrgs = db.select({ orgId: memberships.orgId }).from(memberships).where(eq(memberships.userId, person.id));
  db.update(supervisionShareHistory)
    .set({ supervisorName: formerName })
    .where(
      and(eq(supervisionShareHistory.supervisorName, person.name), inArray(supervisionShareHistory.orgId, theirOrgs)),
    )
    .run();
  db.delete(supervisionShares).where(eq(supervisionShares.supervisorId, person.id)).run();
  eraseLearnerSupervision(db, person.id);
}
