import type { AppLoadContext } from "@remix-run/node";
import type { Actor } from "../../modules/auth/policy";
import { configuredOrigin } from "../../modules/xapi/settings";
import { cohortStatements } from "../../modules/xapi/statements";

/**
 * A cohort assignment's xAPI statements for download. The origin in actor accounts and activity ids
 * is APP_ORIGIN when set (so downloads match what the LRS receives), else the address asked for.
 */
export function cohortStatementsFor(
  request: Request,
  context: AppLoadContext,
  actor: Actor,
  cohortId: string,
  assignmentId: string,
) {
  const { db, config } = context.runtime;
  const origin = configuredOrigin(config) ?? new URL(request.url).origin;
  return cohortStatements(db, actor, cohortId, assignmentId, { origin, secret: config.SESSION_SECRET });
}
