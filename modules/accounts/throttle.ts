import { and, count, eq, gte, lt } from "drizzle-orm";
import type { DB } from "../../db/client";
import { loginFailures, loginLocks, users } from "../../db/schema";
import { recentFromAddress, recordAudit } from "../audit/service";

/**
 * Failed log-ins are counted per address and account pair, and per address, which slows guessing for a
 * while. Per account alone only a great many failures from any addresses count, and they lock log-in
 * by password until a reset by email (below). Argued in docs/decisions/0002 and 0026.
 */
export const MAX_PAIR_FAILURES = 5;
/** Against one address trying a few passwords on each of many accounts. */
export const MAX_ADDRESS_FAILURES = 10;
export const WINDOW_MS = 15 * 60 * 1000;

export function isThrottled(db: DB, emailAddress: string, ip: string, now: Date): boolean {
  const since = new Date(now.getTime() - WINDOW_MS);
  const forPair = db
    .select({ n: count() })
    .from(loginFailures)
    .where(and(eq(loginFailures.email, emailAddress), eq(loginFailures.ip, ip), gte(loginFailures.at, since)))
    .get();
  if ((forPair?.n ?? 0) >= MAX_PAIR_FAILURES) return true;
  const forIp = db
    .select({ n: count() })
    .from(loginFailures)
    .where(and(eq(loginFailures.ip, ip), gte(loginFailures.at, since)))
    .get();
  return (forIp?.n ?? 0) >= MAX_ADDRESS_FAILURES;
}

/** Far more than a person mistyping ever reaches, and far fewer than guessing needs. */
export const MAX_ACCOUNT_FAILURES = 20;
export const ACCOUNT_WINDOW_MS = 60 * 60 * 1000;

/**
 * Records a failure; true when it is the one that locks the email for log-in by password (its
 * failures from every address in the last hour reached the limit).
 */
export function recordFailure(db: DB, emailAddress: string, ip: string, now: Date): boolean {
  db.insert(loginFailures).values({ email: emailAddress, ip, at: now }).run();
  // Old rows are useless after the longest window; pruning here keeps the table small without a job.
  db.delete(loginFailures)
    .where(lt(loginFailures.at, new Date(now.getTime() - ACCOUNT_WINDOW_MS)))
    .run();
  const forEmail = db
    .select({ n: count() })
    .from(loginFailures)
    .where(
      and(eq(loginFailures.email, emailAddress), gte(loginFailures.at, new Date(now.getTime() - ACCOUNT_WINDOW_MS))),
    )
    .get();
  if ((forEmail?.n ?? 0) < MAX_ACCOUNT_FAILURES) return false;
  return db.insert(loginLocks).values({ email: emailAddress, lockedAt: now }).onConflictDoNothing().run().changes > 0;
}

/** Whether log-in by password is locked for this email (whether or not it has an account). */
export function isLocked(db: DB, emailAddress: string): boolean {
  return (
    db.select({ email: loginLocks.email }).from(loginLocks).where(eq(loginLocks.email, emailAddress)).get() !==
    undefined
  );
}

/**
 * Lifts the lock on a person's account, and forgets its failures so the next mistake does not lock it
 * again. A successful password reset by email calls this: only the owner of the mailbox can.
 */
export function clearLoginLock(db: DB, userId: string) {
  const user = db.select({ email: users.email }).from(users).where(eq(users.id, userId)).get();
  if (!user) return;
  db.delete(loginLocks).where(eq(loginLocks.email, user.email)).run();
  db.delete(loginFailures).where(eq(loginFailures.email, user.email)).run();
}

/**
 * A successful log-in forgets that address's failures for that account only. Other addresses keep
 * theirs, so the person getting in does not hand someone guessing elsewhere a fresh set of tries, and
 * the address's failures on other accounts stay, so logging in to one's own account does not unlock
 * guessing at others.
 */
export function clearPairFailures(db: DB, emailAddress: string, ip: string) {
  db.delete(loginFailures)
    .where(and(eq(loginFailures.email, emailAddress), eq(loginFailures.ip, ip)))
    .run();
}

/** Setting up an organisation is rare: a few an hour from one address is plenty. */
export const SIGNUP_WINDOW_MS = 60 * 60 * 1000;

/** Whether this address may ask to sign up again (asks are kept in the audit log with the address). */
export function signUpAllowed(db: DB, ip: string, perHour: number, now: Date): boolean {
  return recentFromAddress(db, "signup.requested", ip, new Date(now.getTime() - SIGNUP_WINDOW_MS)) < perHour;
}

export function recordSignUpRequest(db: DB, ip: string, now: Date) {
  recordAudit(db, { action: "signup.requested", ip }, now);
}
