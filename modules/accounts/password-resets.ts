import { and, eq, gt, isNull, ne } from "drizzle-orm";
import type { DB } from "../../db/client";
import { passwordResets, sessions, users } from "../../db/schema";
import { recordAudit } from "../audit/service";
import { hashToken, newId, newToken } from "../shared/ids";
import { LinkError, linkState, TOKEN } from "./one-time-links";
import { hashNewPassword } from "./service";
import { clearLoginLock } from "./throttle";

export const RESET_LIFETIME_MS = 60 * 60 * 1000;
/** Reset emails to one account in an hour: more only fill their inbox. */
export const RESETS_PER_HOUR = 3;

const MESSAGES = {
  invalid: "This link to reset a password is not valid. Check that you copied all of it, or ask for a new one.",
  expired: "This link to reset a password has expired: each works for one hour. Ask for a new one.",
  used: "This link to reset a password has been used already: each works once. Ask for a new one if you need to.",
};

/**
 * Records a request to reset the password of an address, whether or not an account has it, so both
 * answers do the same work: a token is made and its hash stored (with no user for an unknown address,
 * which can open nothing), and the request is audited. The token is returned for the email only
 * when there is an account, and it has not had its hour's share of reset emails.
 */
export function recordResetRequest(db: DB, secret: string, address: string, ip: string | null, now: Date) {
  const user = db.select({ id: users.id, name: users.name }).from(users).where(eq(users.email, address)).get();
  const recent = db
    .select({ id: passwordResets.id })
    .from(passwordResets)
    .where(
      and(
        eq(passwordResets.userId, user?.id ?? ""),
        gt(passwordResets.createdAt, new Date(now.getTime() - RESET_LIFETIME_MS)),
      ),
    )
    .limit(RESETS_PER_HOUR)
    .all().length;
  const token = newToken();
  db.insert(passwordResets)
    .values({
      id: newId(),
      tokenHash: hashToken(token, secret),
      userId: user?.id ?? null,
      expiresAt: new Date(now.getTime() + RESET_LIFETIME_MS),
      createdAt: now,
    })
    .run();
  recordAudit(db, { actorUserId: user?.id ?? null, action: "password.reset_requested", ip }, now);
  return user && recent < RESETS_PER_HOUR ? { user, token } : null;
}

/** The account a reset link is for, or the plain reason it cannot be used. */
export function resetLinkFor(db: DB, secret: string, token: string, now: Date) {
  if (!TOKEN.test(token)) throw new LinkError(MESSAGES.invalid);
  const row = db
    .select({ reset: passwordResets, user: { id: users.id, email: users.email, name: users.name } })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .where(eq(passwordResets.tokenHash, hashToken(token, secret)))
    .get();
  if (!row) throw new LinkError(MESSAGES.invalid);
  const state = linkState(row.reset, now);
  if (state !== "active") throw new LinkError(MESSAGES[state]);
  return { resetId: row.reset.id, user: row.user };
}

/**
 * Sets a new password from a reset link, under the usual password rules. The link is claimed with a
 * conditional update, so it works once even if two tabs race; every other reset link of the account
 * stops working, and every session is signed out except the one making the change (if it is theirs).
 */
export async function resetPassword(
  db: DB,
  secret: string,
  input: { token: string; password: string; keepSessionId: string | null; ip: string | null },
  now: Date,
) {
  const { user } = resetLinkFor(db, secret, input.token, now);
  const passwordHash = await hashNewPassword(input.password, user.email);
  db.transaction((tx) => {
    const { resetId } = resetLinkFor(tx, secret, input.token, now);
    const claimed = tx
      .update(passwordResets)
      .set({ usedAt: now })
      .where(and(eq(passwordResets.id, resetId), isNull(passwordResets.usedAt)))
      .run();
    if (claimed.changes !== 1) throw new LinkError(MESSAGES.used);
    tx.update(passwordResets)
      .set({ usedAt: now })
      .where(and(eq(passwordResets.userId, user.id), isNull(passwordResets.usedAt)))
      .run();
    tx.update(users).set({ passwordHash }).where(eq(users.id, user.id)).run();
    tx.delete(sessions)
      .where(and(eq(sessions.userId, user.id), ne(sessions.id, input.keepSessionId ?? "")))
      .run();
    // The reset proves the person holds the address, which is what the lock after many failed
    // log-ins asks for.
    clearLoginLock(tx, user.id);
    recordAudit(tx, { actorUserId: user.id, action: "password.reset", ip: input.ip }, now);
  });
  return user;
}
