import { and, count, eq, gte, lt } from "drizzle-orm";
import type { DB } from "../../db/client";
import { loginFailures } from "../../db/schema";
import { recentFromAddress, recordAudit } from "../audit/service";

/**
 * Failed log-ins are counted per address and account pair, and per address. Never per account alone:
 * then anyone could lock a person out by failing on purpose. Argued in docs/decisions/0002.
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

export function recordFailure(db: DB, emailAddress: string, ip: string, now: Date) {
  db.insert(loginFailures).values({ email: emailAddress, ip, at: now }).run();
  // Old rows are useless after the window; pruning here keeps the table small without a job.
  db.delete(loginFailures)
    .where(lt(loginFailures.at, new Date(now.getTime() - WINDOW_MS)))
    .run();
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
