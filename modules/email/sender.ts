import type { DB } from "../../db/client";
import { type BackgroundLoop, repeatInBackground, reportChanges } from "../shared/background-loop";
import { claimMessage, dueMessages, markFailed, markSent, queuedSince } from "./outbox";
import { type Links, renderMessage } from "./render";
import type { Transport } from "./smtp";

export const BATCH_SIZE = 20;

/**
 * Sends what is due, one message at a time, until nothing is due, `more()` says stop, or a message
 * fails (the server is probably down: the rest wait for their own next attempt instead of piling on).
 */
export async function deliverDue(
  db: DB,
  transport: Transport,
  links: Links,
  options: { now?: () => Date; more?: () => boolean } = {},
) {
  const now = options.now ?? (() => new Date());
  const more = options.more ?? (() => true);
  const total = { sent: 0, failed: 0, error: null as string | null };
  while (more()) {
    const due = dueMessages(db, now(), BATCH_SIZE);
    if (due.length === 0) break;
    for (const message of due) {
      if (!more()) return total;
      if (!claimMessage(db, message, now())) continue;
      const rendered = renderMessage(message, links);
      try {
        await transport.send({ id: message.id, to: message.toAddress, ...rendered });
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        markFailed(db, message.id, reason, now());
        total.failed += 1;
        total.error = reason;
        return total;
      }
      markSent(db, message.id, now());
      total.sent += 1;
    }
  }
  return total;
}

export type EmailSender = { tick: () => Promise<void>; stop: () => Promise<void> };

/**
 * The background loop. With a transport it sends what is due every few seconds; without one (no SMTP
 * configured) messages stay queued for when it is. With `announce`, each newly queued message is named
 * in the log by id, kind and recipient, never its content, so a developer can find it on the
 * outgoing email page. One tick at a time; the timer never keeps the process alive; stop() waits for
 * the message in flight, so its row is settled before the database closes.
 */
export function startEmailSender(
  db: DB,
  settings: { transport: Transport | null; links: Links; announce: boolean },
  options: { intervalMs?: number; log?: (message: string) => void; now?: () => Date } = {},
): EmailSender {
  const log = options.log ?? ((message: string) => console.warn(message));
  const now = options.now ?? (() => new Date());
  const report = reportChanges(log, {
    failing: "Email is waiting in the outbox",
    recovered: "Email is being sent again.",
  });
  let loop: BackgroundLoop | null = null;
  let announcedUpTo = now();
  // Messages of the last millisecond named already: another may still commit with the same time.
  let namedAtLast = new Set<string>();

  const announce = () => {
    for (const row of queuedSince(db, announcedUpTo)) {
      if (namedAtLast.has(row.id)) continue;
      log(`Email queued: ${row.id} (${row.kind}) to ${row.to}${settings.transport ? "" : ", waiting for SMTP_URL"}`);
      if (row.createdAt.getTime() !== announcedUpTo.getTime()) namedAtLast = new Set();
      announcedUpTo = row.createdAt;
      namedAtLast.add(row.id);
    }
  };
  const run = async () => {
    try {
      if (settings.announce) announce();
      if (!settings.transport) return;
      report(await deliverDue(db, settings.transport, settings.links, { more: () => loop?.isStopped() !== true, now }));
    } catch (error) {
      log(`Sending email stopped for this round: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const started = repeatInBackground(options.intervalMs ?? 2_000, run);
  loop = started;
  return {
    tick: started.tick,
    stop: async () => {
      await started.stop();
      settings.transport?.close();
    },
  };
}
