import { eq } from "drizzle-orm";
import type { DB } from "../../db/client";
import { digestItems, digestsSent, notificationChoices } from "../../db/schema";

export const notificationChoiceRows = (db: DB, userId: string) =>
  db
    .select({
      kind: notificationChoices.kind,
      choice: notificationChoices.choice,
      updatedAt: notificationChoices.updatedAt,
    })
    .from(notificationChoices)
    .where(eq(notificationChoices.userId, userId))
    .all();

/** Lines for their digests, and lines in others' digests about what they did (which then name a former member). */
export const digestItemRows = (db: DB, userId: string) =>
  db
    .select({
      kind: digestItems.kind,
      moduleId: digestItems.moduleId,
      forYou: digestItems.userId,
      createdAt: digestItems.createdAt,
      digestDay: digestItems.digestDay,
    })
    .from(digestItems)
    .where(eq(digestItems.userId, userId))
    .all();

export const digestSentRows = (db: DB, userId: string) =>
  db
    .select({ day: digestsSent.day, sentAt: digestsSent.sentAt })
    .from(digestsSent)
    .where(eq(digestsSent.userId, userId))
    .all();

export function eraseNotificationChoices(db: DB, userId: string) {
  db.delete(notificationChoices).where(eq(notificationChoices.userId, userId)).run();
}

export function eraseDigests(db: DB, userId: string) {
  db.delete(digestItems).where(eq(digestItems.userId, userId)).run();
  db.delete(digestsSent).where(eq(digestsSent.userId, userId)).run();
}
