import { inTransaction, type Visit } from "../auth/context";
import { KIND_FACTS } from "./kinds";
import { isUnsubscribed, turnOff } from "./preferences";
import { readUnsubscribeToken } from "./unsubscribe-tokens";

const NOT_VALID =
  "This unsubscribe link is not valid, so nothing was changed. Check that you copied all of it, or use the link in a more recent email.";

export type UnsubscribeAnswer =
  | { ok: true; address: string; kind: string; unsubscribed: boolean }
  | { ok: false; message: string };

/**
 * What an unsubscribe link is for, to ask before anything changes (a GET changes nothing: mail
 * scanners follow links). Holding the link is what counts, as with an invitation: no log-in.
 */
export function unsubscribePage(visit: Visit, secret: string, token: string): UnsubscribeAnswer {
  const read = readUnsubscribeToken(secret, token);
  if (!read || KIND_FACTS[read.kind].essential) return { ok: false, message: NOT_VALID };
  return {
    ok: true,
    address: read.address,
    kind: KIND_FACTS[read.kind].label,
    unsubscribed: isUnsubscribed(visit.db, read.address, read.kind),
  };
}

/**
 * Turns the link's kind of email off for its address: the one-click POST of RFC 8058, from a mail
 * client or the page's button. A forged or altered link changes nothing.
 */
export function unsubscribe(visit: Visit, secret: string, token: string): UnsubscribeAnswer {
  const read = readUnsubscribeToken(secret, token);
  if (!read || KIND_FACTS[read.kind].essential) return { ok: false, message: NOT_VALID };
  inTransaction(visit, (tx) => turnOff(tx.db, read.address, read.kind, tx.now));
  return { ok: true, address: read.address, kind: KIND_FACTS[read.kind].label, unsubscribed: true };
}
