import { and, eq, inArray, or } from "drizzle-orm";
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
 * The learner's pages, the copies they shared and their history go; so do copies others shared with
 * them as supervisor, which nobody could read any more. Other learners' histories keep the share,
 * with the supervisor's name replaced: a history names a supervisor only by the name shown when it
 * was written, so it is matched by that name in the organisations the person belongs to. Run before
 * the memberships go.
 */
export function eraseSupervision(db: DB, person: { id: string; name: string }, formerName: string) {
  const userId = person.id;
  const theirOrgs = db.select({ orgId: memberships.orgId }).from(memberships).where(eq(memberships.userId, userId));
  db.update(supervisionShareHistory)
    .set({ supervisorName: formerName })
    .where(
      and(eq(supervisionShareHistory.supervisorName, person.name), inArray(supervisionShareHistory.orgId, theirOrgs)),
    )
    .run();
  db.delete(supervisionShares)
    .where(or(eq(supervisionShares.learnerId, userId), eq(supervisionShares.supervisorId, userId)))
    .run();
  db.delete(supervisionPages).where(eq(supervisionPages.userId, userId)).run();
  db.delete(supervisionShareHistory).where(eq(supervisionShareHistory.userId, userId)).run();
}
