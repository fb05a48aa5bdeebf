import { and, count, desc, eq, gte, isNull, or, sql } from "drizzle-orm";
import type { DB } from "../../db/client";
import { auditEvents, memberships, users } from "../../db/schema";

export type AuditAction =
  | "login.succeeded"
  | "login.failed"
  | "login.throttled"
  | "logout"
  | "password.changed"
  | "account.created"
  | "signup.requested"
  | "signup.email_in_use"
  | "organisation.created"
  | "membership.joined"
  | "membership.roles_changed"
  | "membership.removed"
  | "invitation.created"
  | "invitation.revoked"
  | "support_resources.changed"
  | (string & {});

export type AuditEntry = {
  orgId?: string | null;
  actorUserId?: string | null;
  action: AuditAction;
  targetType?: string;
  targetId?: string;
  /** Never passwords, tokens, reflections or wellbeing answers. */
  detail?: Record<string, unknown>;
  ip?: string | null;
};

export function recordAudit(db: DB, entry: AuditEntry, now = new Date()) {
  db.insert(auditEvents)
    .values({
      orgId: entry.orgId ?? null,
      actorUserId: entry.actorUserId ?? null,
      action: entry.action,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId ?? null,
      detail: entry.detail ?? null,
      ip: entry.ip ?? null,
      at: now,
    })
    .run();
}

const DESCRIPTIONS: Record<string, string> = {
  "login.succeeded": "Logged in",
  "login.failed": "Failed log-in",
  "login.throttled": "Log-in refused after too many attempts",
  logout: "Logged out",
  "password.changed": "Changed their password",
  "account.created": "Created an account",
  "organisation.created": "Created the organisation",
  "membership.joined": "Joined through an invitation",
  "membership.roles_changed": "Changed roles",
  "membership.removed": "Removed a member",
  "invitation.created": "Created an invitation",
  "invitation.revoked": "Revoked an invitation",
  "support_resources.changed": "Changed the support resources",
};

/**
 * How often one address did something not tied to an organisation (such as asking to sign up) since
 * a time. Such rows have no organisation, so the (org, at) index narrows this to the recent ones.
 */
export function recentFromAddress(db: DB, action: AuditAction, ip: string, since: Date): number {
  const row = db
    .select({ n: count() })
    .from(auditEvents)
    .where(
      and(
        isNull(auditEvents.orgId),
        gte(auditEvents.at, since),
        eq(auditEvents.action, action),
        eq(auditEvents.ip, ip),
      ),
    )
    .get();
  return row?.n ?? 0;
}

export function describeAudit(action: string, detail: Record<string, unknown> | null, targetName: string | null) {
  const base = DESCRIPTIONS[action] ?? action.replace(/[._]/g, " ");
  if (action === "membership.roles_changed" && detail) {
    const after = Array.isArray(detail.after) ? detail.after.join(", ") : "";
    return `${base} of ${targetName ?? "a member"} to ${after || "none"}`;
  }
  if (action === "membership.removed") return `${base}: ${targetName ?? "a former member"}`;
  return base;
}

/**
 * The organisation's security events: those recorded against it, plus account events (log-ins,
 * password changes) of its current members.
 */
export function activityLog(db: DB, orgId: string, limit = 100) {
  const target = sql<string | null>`(select name from users t where t.id = ${auditEvents.targetId})`;
  return db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      action: auditEvents.action,
      detail: auditEvents.detail,
      actorName: users.name,
      targetName: target,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .leftJoin(memberships, and(eq(memberships.userId, auditEvents.actorUserId), eq(memberships.orgId, orgId)))
    .where(or(eq(auditEvents.orgId, orgId), and(isNull(auditEvents.orgId), sql`${memberships.id} is not null`)))
    .orderBy(desc(auditEvents.id))
    .limit(limit)
    .all()
    .map((e) => ({
      id: e.id,
      at: e.at,
      actorName: e.actorName,
      description: describeAudit(e.action, e.detail, e.targetName),
    }));
}
