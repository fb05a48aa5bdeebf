import { csvFile } from "../shared/csv";
import { dayOf } from "../shared/dates";
import type { cohortDashboard } from "./dashboard";

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
