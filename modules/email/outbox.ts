import { and, asc, eq, inArray, lte, sql } from "drizzle-orm";
import type { DB } from "../../db/client";
import { emailOutbox } from "../../db/schema";
import { newId } from "../shared/ids";
import { type EmailKind, KIND_FACTS } from "./kinds";
import { isUnsubscribed } from "./preferences";

/** The first retry waits this long; each failure doubles it, up to the cap. */
export const FIRST_RETRY_MS = 30_000;
export const MAX_RETRY_MS = 60 * 60_000;
/** A message being sent is held this long, so a second sender (another process) leaves it be. */
export const SENDING_LEASE_MS = 2 * 60_000;

export type NewEmail = {
  orgId: string | null;
  kind: EmailKind;
  to: string;
  params: Record<string, string>;
  ref?: string | null;
};

/**
 * Queues a message in the caller's transaction: it goes only if the change that causes it commits,
 * and is rolled back with it. A kind the person turned off is kept, marked, and never sent.
 */
export function queueEmail(tx: DB, email: NewEmail, now: Date): string {
  const id = newId();
  const to = email.to.toLowerCase();
  const held = !KIND_FACTS[email.kind].essential && isUnsubscribed(tx, to, email.kind);
  tx.insert(emailOutbox)
    .values({
      id,
      orgId: email.orgId,
      kind: email.kind,
      toAddress: to,
      params: email.params,
      ref: email.ref ?? null,
      status: held ? "unsubscribed" : "waiting",
      attempts: 0,
      nextAttemptAt: now,
      createdAt: now,
    })
    .run();
  return id;
}

export type OutboxMessage = {
  id: string;
  kind: EmailKind;
  toAddress: string;
  params: Record<string, string>;
  nextAttemptAt: Date;
};

/** Messages whose next attempt is due, oldest first. */
export function dueMessages(db: DB, now: Date, limit: number): OutboxMessage[] {
  return db
    .select({
      id: emailOutbox.id,
      kind: emailOutbox.kind,
      toAddress: emailOutbox.toAddress,
      params: emailOutbox.params,
      nextAttemptAt: emailOutbox.nextAttemptAt,
    })
    .from(emailOutbox)
    .where(and(eq(emailOutbox.status, "waiting"), lte(emailOutbox.nextAttemptAt, now)))
    .orderBy(asc(emailOutbox.nextAttemptAt), asc(emailOutbox.createdAt))
    .limit(limit)
    .all() as OutboxMessage[];
}

/**
 * Takes a due message for sending: its next attempt moves past the lease, with a conditional update,
 * so of two senders only one sends it. False when another got there first.
 */
export function claimMessage(db: DB, message: OutboxMessage, now: Date): boolean {
  return (
    db
      .update(emailOutbox)
      .set({ nextAttemptAt: new Date(now.getTime() + SENDING_LEASE_MS) })
      .where(
        and(
          eq(emailOutbox.id, message.id),
          eq(emailOutbox.status, "waiting"),
          eq(emailOutbox.nextAttemptAt, message.nextAttemptAt),
        ),
      )
      .run().changes === 1
  );
}

/** The SMTP server took the message: it is sent, and never tried again. */
export function markSent(db: DB, id: string, now: Date) {
  db.update(emailOutbox)
    .set({ status: "sent", sentAt: now, attempts: sql`${emailOutbox.attempts} + 1`, lastError: null })
    .where(eq(emailOutbox.id, id))
    .run();
}

/** A failed attempt: the message waits 30 s, 1 min, 2 min… up to an hour, from its own attempt count. */
export function markFailed(db: DB, id: string, error: string, now: Date) {
  db.update(emailOutbox)
    .set({
      attempts: sql`${emailOutbox.attempts} + 1`,
      nextAttemptAt: sql`${now.getTime()} + min(${MAX_RETRY_MS}, ${FIRST_RETRY_MS} * (1 << min(${emailOutbox.attempts}, 20)))`,
      lastError: error.slice(0, 500),
    })
    .where(eq(emailOutbox.id, id))
    .run();
}

/** Messages queued at or after a point, for the development log (id, kind, recipient: never the body). */
export function queuedSince(db: DB, after: Date) {
  return db
    .select({ id: emailOutbox.id, kind: emailOutbox.kind, to: emailOutbox.toAddress, createdAt: emailOutbox.createdAt })
    .from(emailOutbox)
    .where(sql`${emailOutbox.createdAt} >= ${after.getTime()}`)
    .orderBy(asc(emailOutbox.createdAt))
    .limit(100)
    .all();
}

/** The latest message about each of these objects (an invitation's email), inside one organisation. */
export function messagesAbout(db: DB, orgId: string, refs: string[]): Map<string, string> {
  if (refs.length === 0) return new Map();
  const found = db
    .select({ id: emailOutbox.id, ref: emailOutbox.ref })
    .from(emailOutbox)
    .where(and(eq(emailOutbox.orgId, orgId), inArray(emailOutbox.ref, refs)))
    .orderBy(asc(emailOutbox.createdAt))
    .all();
  return new Map(found.map((row) => [row.ref ?? "", row.id]));
}
