import { Form } from "@remix-run/react";
import type { cohorts } from "~/lib/domain.server";
import { STATE_LABELS } from "../../../modules/progress/state";

type Page = ReturnType<typeof cohorts.progressPage>;

/**
 * Which assignment the dashboard shows, and which of its learners, in which order: a GET form, so a
 * filtered dashboard has its own address and works without JavaScript.
 */
export function DashboardFilters({
  assignments,
  chosen,
  filters,
}: {
  assignments: Page["assignments"];
  chosen: string;
  filters: Page["filters"];
}) {
  return (
    <Form method="get" className="filters" aria-label="Filter and sort learners">
      {assignments.length > 1 ? (
        <div className="field">
          <label htmlFor="pick-assignment">Assignment</label>
          <select id="pick-assignment" name="assignment" defaultValue={chosen}>
            {assignments.map((a) => (
              <option key={a.id} value={a.id}>
                {a.title}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <input type="hidden" name="assignment" value={chosen} />
      )}
      <div className="field">
        <label htmlFor="filter-status">Show</label>
        <select id="filter-status" name="status" defaultValue={filters.status ?? ""}>
          <option value="">Everyone</option>
          {(["not_started", "in_progress", "complete"] as const).map((state) => (
            <option key={state} value={state}>
              {STATE_LABELS[state]}
            </option>
          ))}
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
  );
}
