import { eq } from "drizzle-orm";
import type { DB } from "../../db/client";
import { formerMembers, retentionAnnouncements } from "../../db/schema";

export const formerMemberRows = (db: DB, userId: string) =>
  db.select().from(formerMembers).where(eq(formerMembers.userId, userId)).all();

export const isErased = (db: DB, userId: string) => formerMemberRows(db, userId).length > 0;

export function markErased(db: DB, userId: string, now: Date) {
  db.insert(formerMembers).values({ userId, erasedAt: now }).onConflictDoNothing().run();
}

export function eraseRetentionAnnouncements(db: DB, userId: string) {
  db.delete(retentionAnnouncements).where(eq(retentionAnnouncements.userId, userId)).run();
}
