import type { AppLoadContext } from "@remix-run/node";
import { recordAudit } from "../../modules/audit/service";

export { activityLog } from "../../modules/audit/service";

export function recordLogout(context: AppLoadContext, userId: string) {
  recordAudit(context.runtime.db, { actorUserId: userId, action: "logout", ip: context.ip });
}

/** Exports are audited: who took which data out, and when. */
export function recordExport(
  context: AppLoadContext,
  actor: { orgId: string; userId: string },
  action: string,
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
