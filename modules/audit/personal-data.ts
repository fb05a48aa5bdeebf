import { eq, sql } from "drizzle-orm";
import type { DB } from "../../db/client";
import { auditEvents } from "../../db/schema";

/** What the person did that the audit trail recorded, and what was done to their account. */
export const auditRows = (db: DB, userId: string) =>
  db
    .select({
      orgId: auditEvents.orgId,
      action: auditEvents.action,
      targetType: auditEvents.targetType,
      ip: auditEvents.ip,
      at: auditEvents.at,
    })
    .from(auditEvents)
    .where(
      sql`${auditEvents.actorUserId} = ${userId} or (${auditEvents.targetType} = 'user' and ${auditEvents.targetId} = ${userId})`,
    )
    .all();

/**
 * The trail keeps that things happened, not who they were: the addresses the person acted from are
 * dropped, and so is their email wherever a failed log-in recorded it.
 */
export function forgetInAudit(db: DB, userId: string, email: string) {
  db.update(auditEvents).set({ ip: null }).where(eq(auditEvents.actorUserId, userId)).run();
  db.update(auditEvents)
    .set({ detail: null, ip: null })
    .where(sql`lower(json_extract(${auditEvents.detail}, '$.email')) = ${email.toLowerCase()}`)
    .run();
}
