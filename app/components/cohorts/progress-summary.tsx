import { Form } from "@remix-run/react";
import { formatDate, formatDateTime } from "~/components/layout";
import type { cohorts } from "~/lib/domain.server";
import { countOf } from "~/lib/plural";

type Page = ReturnType<typeof cohorts.progressPage>;
type Dashboard = NonNullable<Page["dashboard"]>;

/**
 * How the cohort is getting on with one assignment: how many are complete and by when it is due,
 * what is new since the trainer last looked, and the downloads of the same figures.
 */
export function ProgressSummary({
  cohortId,
  dashboard,
  seenAt,
  newSince,
}: {
  cohortId: string;
  dashboard: Pick<Dashboard, "assignment" | "total" | "complete">;
  seenAt: Date | null;
  newSince: number;
}) {
  const percent = dashboard.total === 0 ? 0 : Math.round((dashboard.complete / dashboard.total) * 100);
  return (
    <section className="card" aria-labelledby="summary-title">
      <h2 id="summary-title">
        {dashboard.assignment.title} <span className="badge">Version {dashboard.assignment.version}</span>
      </h2>
      <p>
        {dashboard.complete} of {countOf(dashboard.total, "learner")} complete ({percent}%)
        {dashboard.assignment.dueOn ? ` · due ${formatDate(dashboard.assignment.dueOn)}` : " · no due date"}
        {dashboard.assignment.pastDue ? " (past due date)" : ""}.
      </p>
      <Form method="post" className="actions">
        <p>
          {newSince > 0
            ? `${newSince} ${newSince === 1 ? "learner has" : "learners have"} completed since your last visit${seenAt ? ` on ${formatDateTime(seenAt)}` : ""}.`
            : "No new completions since your last visit."}
        </p>
        <button type="submit" className="button-quiet small">
          Mark as seen
        </button>
      </Form>
      <p className="actions">
        <a href={`/cohorts/${cohortId}/progress.csv?assignment=${dashboard.assignment.id}`} download>
          Download progress (CSV)
        </a>
        <a href={`/cohorts/${cohortId}/xapi.json?assignment=${dashboard.assignment.id}`} download>
          Download xAPI statements (JSON)
        </a>
      </p>
    </section>
  );
}
