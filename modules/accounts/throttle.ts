import { and, count, eq, gte, lt } from "drizzle-orm";
import type { DB } from "../../db/client";
import { loginFailures } from "../../db/schema";

/** At most this many failed log-ins per account, and per IP address, in the window. */
export const MAX_FAILURES = 10;
export const WINDOW_MS = 15 * 60 * 1000;

export function isThrottled(db: DB, emailAddress: string, ip: string, now: Date): boolean {
  const since = new Date(now.getTime() - WINDOW_MS);
  const forEmail = db
    .select({ n: count() })
    .from(loginFailures)
    .where(and(eq(loginFailures.email, emailAddress), gte(loginFailures.at, since)))
    .get();
  if ((forEmail?.n ?? 0) >= MAX_FAILURES) return true;
  const forIp = db
    .select({ n: count() })
    .from(loginFailures)
    .where(and(eq(loginFailures.ip, ip), gte(loginFailures.at, since)))
    .get();
  return (forIp?.n ?? 0) >= MAX_FAILURES;
}

export function recordFailure(db: DB, emailAddress: string, ip: string, now: Date) {
  db.insert(loginFailures).values({ email: emailAddress, ip, at: now }).run();
  // Old rows are useless after the window; pruning here keeps the table small without a job.
  db.delete(loginFailures)
    .where(lt(loginFailures.at, new Date(now.getTime() - WINDOW_MS)))
    .run();
}

/** A successful log-in clears the account's count; the IP's count stays, so one good account cannot unlock guessing. */
export function clearAccountFailures(db: DB, emailAddress: string) {
  db.delete(loginFailures).where(eq(loginFailures.email, emailAddress)).run();
}
