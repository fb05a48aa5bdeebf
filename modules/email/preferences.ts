import { and, eq } from "drizzle-orm";
import type { DB } from "../../db/client";
import { emailPreferences } from "../../db/schema";
import type { EmailKind } from "./kinds";

/**
 * Preferences are kept by address and kind: an address is how Alongside reaches a person, including
 * someone invited who has no account yet. Kinds come from the list in kinds.ts.
 */
export function isUnsubscribed(db: DB, address: string, kind: EmailKind): boolean {
  return (
    db
      .select({ kind: emailPreferences.kind })
      .from(emailPreferences)
      .where(and(eq(emailPreferences.address, address.toLowerCase()), eq(emailPreferences.kind, kind)))
      .get() !== undefined
  );
}

/** Turns a kind off for an address; doing it twice changes nothing. */
export function turnOff(db: DB, address: string, kind: EmailKind, now: Date) {
  db.insert(emailPreferences)
    .values({ address: address.toLowerCase(), kind, unsubscribedAt: now })
    .onConflictDoNothing()
    .run();
}

/** A person's address changed: what they turned off goes with them. */
export function movePreferences(db: DB, from: string, to: string) {
  const rows = db.select().from(emailPreferences).where(eq(emailPreferences.address, from.toLowerCase())).all();
  for (const row of rows) {
    db.insert(emailPreferences)
      .values({ ...row, address: to.toLowerCase() })
      .onConflictDoNothing()
      .run();
  }
  db.delete(emailPreferences).where(eq(emailPreferences.address, from.toLowerCase())).run();
}

/** Turns a kind back on for an address, when the person chooses to hear of it again. */
export function turnOn(db: DB, address: string, kind: EmailKind) {
  db.delete(emailPreferences)
    .where(and(eq(emailPreferences.address, address.toLowerCase()), eq(emailPreferences.kind, kind)))
    .run();
}
