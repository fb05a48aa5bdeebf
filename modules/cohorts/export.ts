import { recordAudit } from "../audit/service";
import type { Context } from "../auth/context";
import { STATE_LABELS } from "../progress/state";
import { csvFile } from "../shared/csv";
import { dayOf } from "../shared/dates";
import { NotFoundError } from "../shared/errors";
import { listAssignments } from "./assignments";
import { cohortDashboard } from "./dashboard";
import { getCohort } from "./service";

/** What an export link says once its assignment is gone (removed, or the link was copied wrong). */
export const STALE_EXPORT =
  "This download is out of date: that assignment is not part of the cohort any more. Open the cohort's Progress page to download it again.";

/** A download link naming an assignment the cohort no longer has: "not found", saying what to do. */
export class StaleExportError extends NotFoundError {
  override message = STALE_EXPORT;
}

/**
 * The cohort and the assignment an export link names, for a trainer of the cohort's organisation. A
 * cohort outside it is not found at all; an assignment the cohort no longer has is a stale link.
 */
export function assignmentToExport(ctx: Context, cohortId: string, assignmentId: string | null) {
  const cohort = getCohort(ctx, cohortId);
  const assignment = listAssignments(ctx.db, ctx.actor.orgId, cohort.id).find((a) => a.id === assignmentId);
  if (!assignment) throw new StaleExportError();
  return { cohort, assignment };
}

/** Exports are audited: who took which cohort's data out, when, and from where. */
export function recordExport(
  ctx: Context,
  cohortId: string,
  action: "cohort.progress_exported" | "cohort.xapi_exported",
  from: { ip: string | null },
) {
  recordAudit(
    ctx.db,
    {
      orgId: ctx.actor.orgId,
      actorUserId: ctx.actor.userId,
      action,
      targetType: "cohort",
      targetId: cohortId,
      ip: from.ip,
    },
    ctx.now,
  );
}

/** A file name made from a cohort's name, safe in a download header. */
export function exportFileName(cohortName: string, suffix: string) {
  return `${cohortName.replace(/[^\w-]+/g, "-").toLowerCase()}-${suffix}`;
}

/** The dashboard as a CSV file: a row per learner, a column per module. Nothing private is in it. */
export function progressCsv(dashboard: ReturnType<typeof cohortDashboard>): string {
  const header = ["Learner", "Email", ...dashboard.modules.map((m) => m.title), "Course completed on", "Past due date"];
  const rows = dashboard.rows.map((r) => [
    r.name,
    r.email,
    ...dashboard.modules.map((m) => STATE_LABELS[r.modules[m.moduleId] ?? "not_started"]),
    // The day in London, as the dashboard shows it (not the UTC day, which differs around midnight).
    r.completedAt ? dayOf(r.completedAt) : "",
    r.pastDue ? "Yes" : "No",
  ]);
  return csvFile([header, ...rows]);
}

/** The cohort's progress on one assignment as a CSV file, its download recorded. */
export function downloadProgress(
  ctx: Context,
  cohortId: string,
  assignmentId: string | null,
  from: { ip: string | null },
) {
  const { cohort, assignment } = assignmentToExport(ctx, cohortId, assignmentId);
  const dashboard = cohortDashboard(ctx.db, ctx.actor.orgId, cohort.id, assignment.id, {}, ctx.now);
  recordExport(ctx, cohort.id, "cohort.progress_exported", from);
  return { fileName: exportFileName(cohort.name, "progress.csv"), csv: progressCsv(dashboard) };
}
