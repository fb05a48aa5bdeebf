import type { AppLoadContext } from "@remix-run/node";
import { recordAudit } from "../../modules/audit/service";

export { activityLog } from "../../modules/audit/service";

export function recordLogout(context: AppLoadContext, userId: string) {
  recordAudit(context.runtime.db, { actorUserId: userId, action: "logout", ip: context.ip });
}
