import { and, eq, isNull } from "drizzle-orm";
import type { DB } from "../../db/client";
import { digestItems, notificationChoices } from "../../db/schema";
import { isUnsubscribed, turnOn } from "../email/preferences";
import { DEFAULT_CHOICE, KINDS, NOTIFICATION_KINDS, type NotificationChoice, type NotificationKind } from "./kinds";

function storedChoices(db: DB, userId: string): Map<NotificationKind, NotificationChoice> {
  const rows = db.select().from(notificationChoices).where(eq(notificationChoices.userId, userId)).all();
  return new Map(rows.map((row) => [row.kind, row.choice]));
}

/**
 * What the person gets for each kind, all told. An unsubscribe link followed from an email counts as
 * much as the account page: the kind's own email turned off makes "at once" never, and the digest
 * turned off makes "in a daily digest" never.
 */
export function effectiveChoices(db: DB, person: { id: string; email: string }) {
  const stored = storedChoices(db, person.id);
  const digestOff = isUnsubscribed(db, person.email, "digest");
  return Object.fromEntries(
    NOTIFICATION_KINDS.map((kind) => {
      const choice = stored.get(kind) ?? DEFAULT_CHOICE;
      const off =
        (choice === "now" && isUnsubscribed(db, person.email, KINDS[kind].email)) || (choice === "digest" && digestOff);
      return [kind, off ? "never" : choice];
    }),
  ) as Record<NotificationKind, NotificationChoice>;
}

/**
 * Saves the person's choices. Choosing to hear of a kind turns its email (or the digest) back on,
 * where a link had turned it off; a kind moved out of the digest takes its waiting lines with it.
 */
export function saveChoices(
  db: DB,
  person: { id: string; email: string },
  choices: Record<NotificationKind, NotificationChoice>,
  now: Date,
) {
  for (const kind of NOTIFICATION_KINDS) {
    const choice = choices[kind];
    db.insert(notificationChoices)
      .values({ userId: person.id, kind, choice, updatedAt: now })
      .onConflictDoUpdate({
        target: [notificationChoices.userId, notificationChoices.kind],
        set: { choice, updatedAt: now },
      })
      .run();
    if (choice === "now") turnOn(db, person.email, KINDS[kind].email);
    if (choice === "digest") turnOn(db, person.email, "digest");
    if (choice !== "digest") {
      db.delete(digestItems)
        .where(and(eq(digestItems.userId, person.id), eq(digestItems.kind, kind), isNull(digestItems.digestDay)))
        .run();
    }
  }
}
