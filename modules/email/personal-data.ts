import { and, inArray, or, sql } from "drizzle-orm";
import type { DB } from "../../db/client";
import { emailOutbox, emailPreferences } from "../../db/schema";

const lower = (addresses: string[]) => [...new Set(addresses.map((a) => a.toLowerCase()))];

/**
 * Email to any of the person's addresses, and the notice sent to an old address that named the new
 * one. Without private links: a reset or confirmation token in a download would still open the account.
 */
export function outboxRows(db: DB, addresses: string[]) {
  return db
    .select({
      kind: emailOutbox.kind,
      toAddress: emailOutbox.toAddress,
      status: emailOutbox.status,
      createdAt: emailOutbox.createdAt,
      sentAt: emailOutbox.sentAt,
    })
    .from(emailOutbox)
    .where(toThem(lower(addresses)))
    .all();
}

function toThem(addresses: string[]) {
  return or(
    inArray(emailOutbox.toAddress, addresses),
    inArray(sql`json_extract(${emailOutbox.params}, '$.newAddress')`, addresses),
  );
}

export function preferenceRows(db: DB, addresses: string[]) {
  return db
    .select()
    .from(emailPreferences)
    .where(inArray(emailPreferences.address, lower(addresses)))
    .all();
}

/**
 * Email to the person goes, whether waiting or sent: waiting mail is for an account that no longer
 * exists, and the organisation's record of sent mail would otherwise keep their address and name.
 * Email they caused to others (an invitation they made) stays and still goes, naming a former member.
 */
export function eraseOutbox(db: DB, addresses: string[], madeRefs: string[], formerName: string, name: string) {
  db.delete(emailOutbox)
    .where(toThem(lower(addresses)))
    .run();
  renameIn(db, NEWS_KINDS, name, formerName);
  if (madeRefs.length === 0) return;
  db.update(emailOutbox)
    .set({ params: sql`json_set(${emailOutbox.params}, '$.inviterName', ${formerName})` })
    .where(and(inArray(emailOutbox.ref, madeRefs), sql`json_type(${emailOutbox.params}, '$.inviterName') is not null`))
    .run();
}

/** Email telling others what someone did on a module: it names them as the one who did it. */
const NEWS_KINDS = ["mention", "comment_reply", "review_request", "digest"];

/**
 * Puts `formerName` where others' email named the person. The name sits in the stored parameters as
 * JSON text, and a digest's lines are JSON inside that JSON, so each escaped form is replaced.
 */
function renameIn(db: DB, kinds: string[], name: string, formerName: string) {
  if (name.trim() === "") return;
  const once = (text: string) => JSON.stringify(text).slice(1, -1);
  const forms = new Map([
    [name, formerName],
    [once(name), once(formerName)],
    [once(once(name)), once(once(formerName))],
  ]);
  for (const [form, replacement] of forms) {
    db.update(emailOutbox)
      .set({ params: sql`replace(${emailOutbox.params}, ${form}, ${replacement})` })
      .where(and(inArray(emailOutbox.kind, kinds), sql`instr(${emailOutbox.params}, ${form}) > 0`))
      .run();
  }
}

export function erasePreferences(db: DB, addresses: string[]) {
  db.delete(emailPreferences)
    .where(inArray(emailPreferences.address, lower(addresses)))
    .run();
}
