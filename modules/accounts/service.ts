import { eq } from "drizzle-orm";
import type { DB } from "../../db/client";
import { users } from "../../db/schema";
import { recordAudit } from "../audit/service";
import { InvalidError } from "../shared/errors";
import { newId } from "../shared/ids";
import { passwordProblem } from "./password-rules";
import { decoyHash, hashPassword, verifyPassword } from "./passwords";
import { revokeOtherSessions } from "./sessions";
import { clearPairFailures, isLocked, isThrottled, recordFailure } from "./throttle";

export type NewAccount = { name: string; email: string; password: string };

export function findUserByEmail(db: DB, emailAddress: string) {
  return db.select().from(users).where(eq(users.email, emailAddress)).get();
}

export function assertEmailFree(db: DB, emailAddress: string) {
  if (findUserByEmail(db, emailAddress)) {
    throw new InvalidError("An account with this email already exists. Log in instead, or use another email.", "email");
  }
}

/**
 * Inserts the user row. Call inside the caller's transaction with a hash computed beforehand:
 * hashing is slow and asynchronous, SQLite transactions here are synchronous.
 */
export function insertUser(db: DB, account: Omit<NewAccount, "password">, passwordHash: string, now: Date) {
  assertEmailFree(db, account.email);
  const id = newId();
  db.insert(users).values({ id, name: account.name, email: account.email, passwordHash, createdAt: now }).run();
  recordAudit(db, { actorUserId: id, action: "account.created", targetType: "user", targetId: id }, now);
  return { id, name: account.name, email: account.email };
}

export { hashPassword };

/** The hash of a password someone is choosing, once it passes the rules (password-rules.ts). */
export async function hashNewPassword(password: string, emailAddress: string, field = "password"): Promise<string> {
  const problem = passwordProblem(password, emailAddress);
  if (problem) throw new InvalidError(problem, field);
  return hashPassword(password);
}

export type LoginResult =
  | { ok: true; user: { id: string; name: string; email: string } }
  | { ok: false; reason: "invalid" | "throttled" | "locked" };

export async function authenticate(
  db: DB,
  input: { email: string; password: string; ip: string },
  now = new Date(),
): Promise<LoginResult> {
  // A locked email is refused before anything else, the right password included: only a reset by email lifts it.
  if (isLocked(db, input.email)) return { ok: false, reason: "locked" };
  if (isThrottled(db, input.email, input.ip, now)) {
    recordAudit(db, { action: "login.throttled", detail: { email: input.email }, ip: input.ip }, now);
    return { ok: false, reason: "throttled" };
  }
  const user = findUserByEmail(db, input.email);
  // Verify against a decoy when there is no such user, so timing does not reveal which emails exist.
  const ok = await verifyPassword(input.password, user?.passwordHash ?? (await decoyHash()));
  if (!user || !ok) {
    const locked = recordFailure(db, input.email, input.ip, now);
    const actorUserId = user?.id ?? null;
    recordAudit(db, { actorUserId, action: "login.failed", detail: { email: input.email }, ip: input.ip }, now);
    if (!locked) return { ok: false, reason: "invalid" };
    recordAudit(db, { actorUserId, action: "login.locked", detail: { email: input.email }, ip: input.ip }, now);
    return { ok: false, reason: "locked" };
  }
  clearPairFailures(db, input.email, input.ip);
  recordAudit(db, { actorUserId: user.id, action: "login.succeeded", ip: input.ip }, now);
  return { ok: true, user: { id: user.id, name: user.name, email: user.email } };
}

export async function changePassword(
  db: DB,
  input: { userId: string; sessionId: string; currentPassword: string; newPassword: string },
  now = new Date(),
) {
  const user = db.select().from(users).where(eq(users.id, input.userId)).get();
  if (!user || !(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw new InvalidError("Your current password is not right.", "currentPassword");
  }
  const passwordHash = await hashNewPassword(input.newPassword, user.email, "newPassword");
  db.transaction((tx) => {
    tx.update(users).set({ passwordHash }).where(eq(users.id, user.id)).run();
    revokeOtherSessions(tx, user.id, input.sessionId);
    recordAudit(tx, { actorUserId: user.id, action: "password.changed" }, now);
  });
}

export function updateProfileName(db: DB, userId: string, name: string) {
  db.update(users).set({ name }).where(eq(users.id, userId)).run();
}
