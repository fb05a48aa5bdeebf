import { asc, eq, inArray, lte, max, sql } from "drizzle-orm";
import type { DB } from "../../db/client";
import { progressEvents, xapiCursors, xapiOutbox } from "../../db/schema";
import { eventRowsBetween } from "./events";
import { checksAnswered, statementsOf } from "./statements";
import type { Statement, StatementKeys } from "./types";

/** The first retry waits this long; each failure doubles it, up to the cap. */
export const FIRST_RETRY_MS = 5_000;
export const MAX_RETRY_MS = 10 * 60_000;

/**
 * Queues the statements of progress events not queued yet for this LRS, at most `limit` events at
 * a time, and moves the cursor past them in the same transaction: an event is queued exactly once,
 * and a crash half-way queues nothing. Re-queueing an id already waiting does nothing.
 */
export function enqueueNewStatements(
  db: DB,
  input: StatementKeys & { endpoint: string; limit?: number },
  now = new Date(),
): number {
  const limit = input.limit ?? 500;
  return db.transaction((tx) => {
    const cursor = tx.select().from(xapiCursors).where(eq(xapiCursors.endpoint, input.endpoint)).get();
    const after = cursor?.lastEventId ?? 0;
    // The last event of the next chunk: the cursor moves to it even if its events yield no statement.
    const upTo = tx
      .select({ id: max(progressEvents.id) })
      .from(
        tx
          .select({ id: progressEvents.id })
          .from(progressEvents)
          .where(sql`${progressEvents.id} > ${after}`)
          .orderBy(asc(progressEvents.id))
          .limit(limit)
          .as("chunk"),
      )
      .get()?.id;
    if (upTo === null || upTo === undefined) return 0;
    const events = eventRowsBetween(tx, after, upTo);
    const checks = checksAnswered(tx, events);
    const rows = events.flatMap((row) =>
      statementsOf(row, input, checks).map((statement) => ({ orgId: row.orgId, statement })),
    );
    for (const { orgId, statement } of rows) {
      tx.insert(xapiOutbox)
        .values({ id: statement.id, orgId, statement, attempts: 0, nextAttemptAt: now, createdAt: now })
        .onConflictDoNothing()
        .run();
    }
    tx.insert(xapiCursors)
      .values({ endpoint: input.endpoint, lastEventId: upTo, updatedAt: now })
      .onConflictDoUpdate({ target: xapiCursors.endpoint, set: { lastEventId: upTo, updatedAt: now } })
      .run();
    return rows.length;
  });
}

export type OutboxRow = { id: string; statement: Statement };

/** Statements whose next attempt is due, oldest first. */
export function dueStatements(db: DB, now: Date, limit: number): OutboxRow[] {
  return db
    .select({ id: xapiOutbox.id, statement: xapiOutbox.statement })
    .from(xapiOutbox)
    .where(lte(xapiOutbox.nextAttemptAt, now))
    .orderBy(asc(xapiOutbox.nextAttemptAt), asc(xapiOutbox.createdAt), asc(xapiOutbox.id))
    .limit(limit)
    .all() as OutboxRow[];
}

/** The LRS stored them: only now do they leave the outbox. */
export function markSent(db: DB, ids: string[]) {
  if (ids.length > 0) db.delete(xapiOutbox).where(inArray(xapiOutbox.id, ids)).run();
}

/**
 * A failed attempt: the rows stay, with one more attempt, the error, and the next try after
 * 5 s, 10 s, 20 s… up to 10 minutes (from each row's own attempt count).
 */
export function markFailed(db: DB, ids: string[], error: string, now: Date) {
  if (ids.length === 0) return;
  db.update(xapiOutbox)
    .set({
      attempts: sql`${xapiOutbox.attempts} + 1`,
      nextAttemptAt: sql`${now.getTime()} + min(${MAX_RETRY_MS}, ${FIRST_RETRY_MS} * (1 << min(${xapiOutbox.attempts}, 20)))`,
      lastError: error.slice(0, 500),
    })
    .where(inArray(xapiOutbox.id, ids))
    .run();
}
