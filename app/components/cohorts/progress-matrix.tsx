import { Link } from "@remix-run/react";
import { formatDate } from "~/components/layout";
import type { cohorts } from "~/lib/domain.server";
import { STATE_LABELS } from "../../../modules/progress/state";

type Dashboard = NonNullable<ReturnType<typeof cohorts.progressPage>["dashboard"]>;

/** Each learner's state on each module of the assignment, with their course status at the end of the row. */
export function ProgressMatrix({
  cohortId,
  dashboard,
  paging,
}: {
  cohortId: string;
  dashboard: Pick<Dashboard, "modules" | "rows">;
  paging?: { matching: number; from: number; to: number; pageCount: number };
}) {
  const shown =
    paging && paging.pageCount > 1
      ? `learners ${paging.from} to ${paging.to} of ${paging.matching}`
      : `${dashboard.rows.length} ${dashboard.rows.length === 1 ? "learner" : "learners"}`;
  return (
    <div className="table-wrap">
      <table className="matrix">
        <caption>Progress of {shown} on each module</caption>
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
                  {STATE_LABELS[state]}
                </td>
              ))}
              <td>
                {r.completedAt ? `Complete, ${formatDate(r.completedAt)}` : `${r.done} of ${dashboard.modules.length}`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
