import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { CompletionChart } from "~/components/completion-chart";
import { EmptyState, formatDate, formatDateTime } from "~/components/layout";
import { requireAllowed } from "~/lib/auth.server";
import { cohortDashboard, lastVisit, listAssignments, markCohortSeen } from "~/lib/cohorts.server";
import { handled, paramId } from "~/lib/http.server";
import { countOf } from "~/lib/plural";

const STATUSES = ["not_started", "in_progress", "complete", "past_due"] as const;
const SORTS = ["name", "progress", "activity"] as const;

function pick<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return values.find((v) => v === value);
}

export const loader = ({ request, context, params }: LoaderFunctionArgs) =>
  handled(async () => {
    const actor = await requireAllowed(request, context, "cohort.manage");
    const cohortId = paramId(params, "cohortId");
    const { db } = context.runtime;
    const url = new URL(request.url);
    const assignments = listAssignments(db, cohortId);
    const chosen = assignments.find((a) => a.id === url.searchParams.get("assignment")) ?? assignments[0];
    const filters = {
      status: pick(STATUSES, url.searchParams.get("status")),
      sort: pick(SORTS, url.searchParams.get("sort")),
      q: (url.searchParams.get("q") ?? "").slice(0, 100),
    };
    const seenAt = lastVisit(db, cohortId, actor.userId);
    const dashboard = chosen ? cohortDashboard(db, actor.orgId, cohortId, chosen.id, filters) : null;
    return {
      cohortId,
      assignments: assignments.map((a) => ({ id: a.id, title: a.title })),
      filters,
      // Only what the page shows: a 1,000-learner matrix is sent once as HTML and once as data.
      dashboard: dashboard && {
        ...dashboard,
        rows: dashboard.rows.map((r) => ({
          userId: r.userId,
          name: r.name,
          pastDue: r.pastDue,
          done: r.done,
          completedAt: r.completedAt,
          states: dashboard.modules.map((m) => r.modules[m.moduleId] ?? "not_started"),
        })),
      },
      seenAt,
      newSince: dashboard
        ? dashboard.rows.filter((r) => r.completedAt && (!seenAt || r.completedAt > seenAt)).length
        : 0,
    };
  });

export const action = ({ request, context, params }: ActionFunctionArgs) =>
  handled(async () => {
    const actor = await requireAllowed(request, context, "cohort.manage");
    const cohortId = paramId(params, "cohortId");
    markCohortSeen(context.runtime.db, actor, cohortId);
    return redirect(`/cohorts/${cohortId}${new URL(request.url).search}`);
  });

const STATE_TEXT = { not_started: "Not started", in_progress: "In progress", complete: "Complete" } as const;

export default function Progress() {
  const { cohortId, assignments, filters, dashboard, seenAt, newSince } = useLoaderData<typeof loader>();
  if (!dashboard) {
    return (
      <EmptyState title="Nothing assigned yet">
        <p>
          Give this cohort a course or a module from <Link to={`/cohorts/${cohortId}/assignments`}>Assignments</Link>,
          then follow their progress here.
        </p>
      </EmptyState>
    );
  }
  const percent = dashboard.total === 0 ? 0 : Math.round((dashboard.complete / dashboard.total) * 100);
  return (
    <>
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

      <Form method="get" className="filters" aria-label="Filter and sort learners">
        {assignments.length > 1 ? (
          <div className="field">
            <label htmlFor="pick-assignment">Assignment</label>
            <select id="pick-assignment" name="assignment" defaultValue={dashboard.assignment.id}>
              {assignments.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.title}
                </option>
              ))}
            </select>
          </div>
        ) : (
          <input type="hidden" name="assignment" value={dashboard.assignment.id} />
        )}
        <div className="field">
          <label htmlFor="filter-status">Show</label>
          <select id="filter-status" name="status" defaultValue={filters.status ?? ""}>
            <option value="">Everyone</option>
            <option value="not_started">Not started</option>
            <option value="in_progress">In progress</option>
            <option value="complete">Complete</option>
            <option value="past_due">Past due date</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-q">Name</label>
          <input id="filter-q" name="q" type="search" defaultValue={filters.q} maxLength={100} />
        </div>
        <div className="field">
          <label htmlFor="filter-sort">Sort by</label>
          <select id="filter-sort" name="sort" defaultValue={filters.sort ?? "name"}>
            <option value="name">Name</option>
            <option value="progress">Progress</option>
            <option value="activity">Last activity</option>
          </select>
        </div>
        <button type="submit" className="button-secondary">
          Apply
        </button>
      </Form>

      <div className="table-wrap">
        <table className="matrix">
          <caption>
            Progress of {dashboard.rows.length} {dashboard.rows.length === 1 ? "learner" : "learners"} on each module
          </caption>
          <thead>
            <tr>
              <th scope="col">Learner</th>
              {dashboard.modules.map((m) => (
                <th scope="col" key={m.moduleId}>
                  {m.title}
                </th>
              ))}
              <th scope="col">Course</th>
            </tr>
          </thead>
          <tbody>
            {dashboard.rows.map((r) => (
              <tr key={r.userId}>
                <th scope="row">
                  <Link to={`/cohorts/${cohortId}/learners/${r.userId}`}>{r.name}</Link>
                  {r.pastDue ? <span className="badge gentle">past due date</span> : null}
                </th>
                {r.states.map((state, i) => (
                  <td key={dashboard.modules[i]?.moduleId} className={`state state-${state}`}>
                    {STATE_TEXT[state]}
                  </td>
                ))}
                <td>
                  {r.completedAt
                    ? `Complete, ${formatDate(r.completedAt)}`
                    : `${r.done} of ${dashboard.modules.length}`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <section aria-labelledby="chart-title">
        <h2 id="chart-title">Completion over time</h2>
        <CompletionChart series={dashboard.series} total={dashboard.total} />
      </section>
    </>
  );
}
