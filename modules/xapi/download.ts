import type { Context } from "../auth/context";
import { assignmentToExport, exportFileName, recordExport } from "../cohorts/export";
import type { Config } from "../config/schemas";
import { configuredOrigin } from "./settings";
import { cohortStatements } from "./statements";

/**
 * A cohort assignment's xAPI 1.0.3 statements as a JSON download, its download recorded. The origin in
 * actor accounts and activity ids is APP_ORIGIN when set (so downloads match what the LRS receives),
 * else the address the download was asked at. A stale link says so, as the progress CSV does.
 */
export function downloadStatements(
  ctx: Context,
  cohortId: string,
  assignmentId: string | null,
  from: { config: Pick<Config, "APP_ORIGIN" | "SESSION_SECRET">; requestOrigin: string; ip: string | null },
) {
  const { cohort, assignment } = assignmentToExport(ctx, cohortId, assignmentId);
  const keys = { origin: configuredOrigin(from.config) ?? from.requestOrigin, secret: from.config.SESSION_SECRET };
  const { statements } = cohortStatements(ctx, cohort.id, assignment.id, keys);
  recordExport(ctx, cohort.id, "cohort.xapi_exported", from);
  return { fileName: exportFileName(cohort.name, "xapi.json"), json: JSON.stringify(statements) };
}
