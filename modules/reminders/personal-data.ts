import { eq } from "drizzle-orm";
import type { DB } from "../../db/client";
import { reminderPolicies, remindersSent } from "../../db/schema";

export const reminderSentRows = (db: DB, userId: string) =>
  db
    .select({ assignmentId: remindersSent.assignmentId, kind: remindersSent.kind, sentAt: remindersSent.sentAt })
    .from(remindersSent)
    .where(eq(remindersSent.userId, userId))
    .all();

export function eraseRemindersSent(db: DB, userId: string) {
  db.delete(remindersSent).where(eq(remindersSent.userId, userId)).run();
}

export const reminderPolicyRows = (db: DB, userId: string) =>
  db
    .select({
      orgId: reminderPolicies.orgId,
      daysBefore: reminderPolicies.daysBefore,
      updatedAt: reminderPolicies.updatedAt,
    })
    .from(reminderPolicies)
    .where(eq(reminderPolicies.updatedBy, userId))
    .all();
