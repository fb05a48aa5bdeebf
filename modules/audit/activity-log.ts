import { and, desc, eq, isNull, or, sql } from "drizzle-orm";
import { auditEvents, memberships, users } from "../../db/schema";
import type { Context } from "../auth/context";
import { authorize } from "../auth/policy";
import { describeAudit } from "./service";

const SHOWN = 100;

/** Entries of a member's request about their data: the log links them to the member's page, which carries it out. */
const DATA_REQUESTS = ["personal_data.exported_for_member"];

/**
 * The organisation's security events, newest first: those recorded against it, plus account events
 * (log-ins, password changes) of its current members. What an event was done to is named only when
 * it belongs to this organisation (people are named by their name).
 */
export function activityLog(ctx: Context) {
  authorize(ctx.actor, "audit.view");
  const { orgId } = ctx.actor;
  const target = sql<string | null>`(case ${auditEvents.targetType}
    when 'user' then (select name from users t where t.id = ${auditEvents.targetId})
    when 'cohort' then (select name from cohorts t where t.id = ${auditEvents.targetId} and t.org_id = ${orgId})
    when 'module' then (select title from modules t where t.id = ${auditEvents.targetId} and t.org_id = ${orgId})
    when 'course' then (select title from courses t where t.id = ${auditEvents.targetId} and t.org_id = ${orgId})
    else null end)`;
  return ctx.db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      action: auditEvents.action,
      detail: auditEvents.detail,
      actorName: users.name,
      targetName: target,
      // Still a member of this organisation: their page is where the request is carried out.
      targetMembershipId: sql<string | null>`(case when ${auditEvents.targetType} = 'user' then
        (select m.id from memberships m where m.user_id = ${auditEvents.targetId} and m.org_id = ${orgId})
        else null end)`,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .leftJoin(memberships, and(eq(memberships.userId, auditEvents.actorUserId), eq(memberships.orgId, orgId)))
    .where(or(eq(auditEvents.orgId, orgId), and(isNull(auditEvents.orgId), sql`${memberships.id} is not null`)))
    .orderBy(desc(auditEvents.id))
    .limit(SHOWN)
    .all()
    .map((e) => ({
      id: e.id,
      at: e.at,
      actorName: e.actorName,
      description: describeAudit(e.action, e.detail, e.targetName),
      requestsPath:
        DATA_REQUESTS.includes(e.action) && e.targetMembershipId
          ? `/organisation/members/${e.targetMembershipId}#data-requests`
          : null,
      memberName: e.targetName,
    }));
}
