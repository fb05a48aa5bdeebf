import { eq } from "drizzle-orm";
import type { DB } from "../../db/client";
import { reminderPolicies } from "../../db/schema";

/** Days before a due date a learner is reminded when the organisation has not chosen; 0 sends none. */
export const DEFAULT_DAYS_BEFORE = 3;
export const MAX_DAYS_BEFORE = 30;

export function reminderDays(db: DB, orgId: string): number {
  return (
    db
      .select({ days: reminderPolicies.daysBefore })
      .from(reminderPolicies)
      .where(eq(reminderPolicies.orgId, orgId))
      .get()?.days ?? DEFAULT_DAYS_BEFORE
  );
}

export function saveReminderDays(db: DB, orgId: string, days: number, by: string, now: Date) {
  db.insert(reminderPolicies)
    .values({ orgId, daysBefore: days, updatedBy: by, updatedAt: now })
    .onConflictDoUpdate({ target: reminderPolicies.orgId, set: { daysBefore: days, updatedBy: by, updatedAt: now } })
    .run();
}
