import type { DB } from "../../db/client";
import { type BackgroundLoop, repeatInBackground, reportChanges } from "../shared/background-loop";
import { postStatements } from "./lrs-client";
import { dueStatements, enqueueNewStatements, markFailed, markSent, type OutboxRow } from "./outbox";
import type { LrsSettings } from "./settings";

export const BATCH_SIZE = 50;

type Delivery = { sent: number; failed: number; error: string | null };

/**
 * Sends one batch; on an answer that may be about a single statement (400, 409, 413) it splits the
 * batch in halves and tries each, so one statement the LRS refuses cannot hold back the others.
 * Whatever is refused in the end stays in the outbox with its error and backs off; nothing is dropped.
 */
async function deliver(
  db: DB,
  lrs: LrsSettings,
  rows: OutboxRow[],
  now: () => Date,
  signal?: AbortSignal,
): Promise<Delivery> {
  const outcome = await postStatements(
    lrs,
    rows.map((r) => r.statement),
    signal,
  );
  // Shutting down mid-request: leave the rows as they were (the LRS dedupes them by id if they arrived).
  if (!outcome.ok && signal?.aborted) return { sent: 0, failed: 0, error: null };
  if (outcome.ok) {
    markSent(
      db,
      rows.map((r) => r.id),
    );
    return { sent: rows.length, failed: 0, error: null };
  }
  if (outcome.perStatement && rows.length > 1 && !signal?.aborted) {
    const half = Math.ceil(rows.length / 2);
    const first = await deliver(db, lrs, rows.slice(0, half), now, signal);
    const second = await deliver(db, lrs, rows.slice(half), now, signal);
    return { sent: first.sent + second.sent, failed: first.failed + second.failed, error: first.error ?? second.error };
  }
  markFailed(
    db,
    rows.map((r) => r.id),
    outcome.error,
    now(),
  );
  return { sent: 0, failed: rows.length, error: outcome.error };
}

/**
 * Sends what is due, a batch at a time, until nothing due is left, a batch fails (the LRS is
 * probably down: the rest waits for its own next attempt instead of hammering it), or `more()`
 * says stop. `signal` aborts a request in flight.
 */
export async function deliverDue(
  db: DB,
  lrs: LrsSettings,
  options: { now?: () => Date; batchSize?: number; signal?: AbortSignal; more?: () => boolean } = {},
) {
  const now = options.now ?? (() => new Date());
  const batchSize = options.batchSize ?? BATCH_SIZE;
  const more = options.more ?? (() => true);
  const total: Delivery = { sent: 0, failed: 0, error: null };
  while (!options.signal?.aborted && more()) {
    const rows = dueStatements(db, now(), batchSize);
    if (rows.length === 0) break;
    const result = await deliver(db, lrs, rows, now, options.signal);
    total.sent += result.sent;
    total.failed += result.failed;
    total.error ??= result.error;
    if (result.sent === 0) break;
  }
  return total;
}

export type Sender = { tick: () => Promise<void>; stop: () => Promise<void> };

/**
 * The background loop: every few seconds it queues statements for new progress events and sends
 * what is due. One tick at a time; the timer is unref'd so it never keeps the process alive.
 * stop() lets a request in flight finish (so its rows are settled, not sent again next start), and
 * aborts it only after `graceMs`; either way it returns once the outbox bookkeeping is done, before
 * the database closes.
 */
export function startSender(
  db: DB,
  settings: { lrs: LrsSettings; origin: string; secret: string },
  options: { intervalMs?: number; graceMs?: number; log?: (message: string) => void } = {},
): Sender {
  const log = options.log ?? ((message: string) => console.warn(message));
  const abort = new AbortController();
  const report = reportChanges(log, {
    failing: "xAPI statements are waiting in the outbox",
    recovered: "xAPI statements are reaching the LRS again.",
  });
  let loop: BackgroundLoop | null = null;

  const run = async () => {
    try {
      enqueueNewStatements(db, { endpoint: settings.lrs.endpoint, origin: settings.origin, secret: settings.secret });
      report(await deliverDue(db, settings.lrs, { signal: abort.signal, more: () => loop?.isStopped() !== true }));
    } catch (error) {
      log(`xAPI sending stopped for this round: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const started = repeatInBackground(options.intervalMs ?? 5_000, run);
  loop = started;
  return {
    tick: started.tick,
    stop: async () => {
      const grace = setTimeout(() => abort.abort(), options.graceMs ?? 5_000);
      await started.stop();
      clearTimeout(grace);
    },
  };
}
