import { and, eq, isNull, ne } from "drizzle-orm";
import type { DB } from "../../db/client";
import { emailChanges, users } from "../../db/schema";
import { recordAudit } from "../audit/service";
import { InvalidError } from "../shared/errors";
import { hashToken, newId, newToken } from "../shared/ids";
import { LinkError, linkState, TOKEN } from "./one-time-links";
import { verifyPassword } from "./passwords";

export const EMAIL_CHANGE_LIFETIME_MS = 24 * 60 * 60 * 1000;

const IN_USE = "That email address is already used by another account. Choose a different one.";
const MESSAGES = {
  invalid: "This link to confirm an email address is not valid. Check that you copied all of it.",
  expired:
    "This link to confirm an email address has expired: each works for one day. Ask for the change again from your account page.",
  used: "This link to confirm an email address has been used already: each works once.",
};

function assertFree(db: DB, address: string, userId: string) {
  const holder = db.select({ id: users.id }).from(users).where(eq(users.email, address)).get();
  if (holder && holder.id !== userId) throw new InvalidError(IN_USE, "newEmail");
}

/**
 * Checks a request to change the account's address: the current password, an address that is new
 * and not another account's. Asynchronous (the password check is slow), so it runs before the
 * transaction that records it.
 */
export async function checkEmailChange(db: DB, userId: string, input: { newEmail: string; currentPassword: string }) {
  const user = db.select().from(users).where(eq(users.id, userId)).get();
  if (!user || !(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw new InvalidError("Your current password is not right.", "currentPassword");
  }
  if (user.email === input.newEmail) throw new InvalidError("That is already your email address.", "newEmail");
  assertFree(db, input.newEmail, userId);
  return { id: user.id, name: user.name, email: user.email };
}

/** Records the change asked for, replacing any earlier one still waiting, and returns its token. */
export function recordEmailChange(db: DB, secret: string, user: { id: string }, newEmail: string, now: Date) {
  assertFree(db, newEmail, user.id);
  db.update(emailChanges)
    .set({ usedAt: now })
    .where(and(eq(emailChanges.userId, user.id), isNull(emailChanges.usedAt)))
    .run();
  const token = newToken();
  db.insert(emailChanges)
    .values({
      id: newId(),
      tokenHash: hashToken(token, secret),
      userId: user.id,
      newEmail,
      expiresAt: new Date(now.getTime() + EMAIL_CHANGE_LIFETIME_MS),
      createdAt: now,
    })
    .run();
  recordAudit(db, { actorUserId: user.id, action: "email.change_requested" }, now);
  return token;
}

/** The change a confirmation link is for, or the plain reason it cannot be used. */
export function emailChangeFor(db: DB, secret: string, token: string, now: Date) {
  if (!TOKEN.test(token)) throw new LinkError(MESSAGES.invalid);
  const row = db
    .select({ change: emailChanges, user: { id: users.id, email: users.email, name: users.name } })
    .from(emailChanges)
    .innerJoin(users, eq(users.id, emailChanges.userId))
    .where(eq(emailChanges.tokenHash, hashToken(token, secret)))
    .get();
  if (!row) throw new LinkError(MESSAGES.invalid);
  const state = linkState(row.change, now);
  if (state !== "active") throw new LinkError(MESSAGES[state]);
  return { changeId: row.change.id, newEmail: row.change.newEmail, user: row.user };
}

/**
 * Makes the confirmed change, once: the link is claimed with a conditional update, and an address
 * taken by another account in the meantime is refused (nothing changes).
 */
export function applyEmailChange(db: DB, secret: string, token: string, now: Date) {
  const change = emailChangeFor(db, secret, token, now);
  const other = db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.email, change.newEmail), ne(users.id, change.user.id)))
    .get();
  if (other) throw new LinkError(IN_USE);
  const claimed = db
    .update(emailChanges)
    .set({ usedAt: now })
    .where(and(eq(emailChanges.id, change.changeId), isNull(emailChanges.usedAt)))
    .run();
  if (claimed.changes !== 1) throw new LinkError(MESSAGES.used);
  db.update(users).set({ email: change.newEmail }).where(eq(users.id, change.user.id)).run();
  recordAudit(
    db,
    { actorUserId: change.user.id, action: "email.changed", targetType: "user", targetId: change.user.id },
    now,
  );
  return { userId: change.user.id, from: change.user.email, to: change.newEmail };
}
