import type { DB } from "../../db/client";
import { csvFile } from "../shared/csv";
import { dayOf } from "../shared/dates";
import { listAssignments } from "./assignments";
import type { cohortDashboard } from "./dashboard";
import { getCohort } from "./service";

/** What an export link says once its assignment is gone (removed, or the link was copied wrong). */
export const STALE_EXPORT =
  "This download is out of date: that assignment is not part of the cohort any more. Open the cohort's Progress page to download it again.";

/**
 * The assignment an export link names, or null when the cohort no longer has it. A cohort outside
 * the actor's organisation is not found at all.
 */
export function assignmentToExport(db: DB, orgId: string, cohortId: string, assignmentId: string | null) {
  getCohort(db, orgId, cohortId);
  return listAssignments(db, cohortId).find((a) => a.id === assignmentId) ?? null;
}

const STATE_TEXT = { not_started: "Not started", in_progress: "In progress", complete: "Complete" } as const;

/** The dashboard as a CSV file: a row per learner, a column per module. Nothing private is in it. */
export function progressCsv(dashboard: ReturnType<typeof cohortDashboard>): string {
  const header = ["Learner", "Email", ...dashboard.modules.map((m) => m.title), "Course completed on", "Past due date"];
  const rows = dashboard.rows.map((r) => [
    r.name,
    r.email,
    ...dashboard.modules.map((m) => STATE_TEXT[r.modules[m.moduleId] ?? "not_started"]),
    // The day in London, as the dashboard shows it (not the UTC day, which differs around midnight).
    r.completedAt ? dayOf(r.completedAt) : "",
    r.pastDue ? "Yes" : "No",
  ]);
  return csvFile([header, ...rows]);
}
