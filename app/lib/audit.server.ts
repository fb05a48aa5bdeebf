import type { AppLoadContext } from "@remix-run/node";
import { type AuditAction, recordAudit } from "../../modules/audit/service";

export function recordLogout(context: AppLoadContext, userId: string) {
  recordAudit(context.runtime.db, { actorUserId: userId, action: "logout", ip: context.ip });
}

/** Exports are audited: who took which data out, and when. */
export function recordExport(
  context: AppLoadContext,
  actor: { orgId: string; userId: string },
  action: Extract<AuditAction, "cohort.progress_exported" | "cohort.xapi_exported">,
  targetId: string,
) {
  recordAudit(context.runtime.db, {
    orgId: actor.orgId,
    actorUserId: actor.userId,
    action,
    targetType: "cohort",
    targetId,
    ip: context.ip,
  });
}
