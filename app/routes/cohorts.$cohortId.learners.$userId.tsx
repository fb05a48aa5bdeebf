import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatDate } from "~/components/layout";
import { requireContext } from "~/lib/auth.server";
import { cohorts } from "~/lib/domain.server";
import { handled, paramId } from "~/lib/http.server";
import { STATE_LABELS } from "~/lib/progress-states";

export const loader = ({ request, context, params }: LoaderFunctionArgs) =>
  handled(async () => {
    const ctx = await requireContext(request, context);
    return cohorts.learnerProgress(ctx, paramId(params, "cohortId"), paramId(params, "userId"));
  });

export default function LearnerPage() {
  const learner = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to={`/cohorts/${learner.cohortId}`}>Back to progress</Link>
      </p>
      <h2>{learner.name}</h2>
      <p className="muted">
        Status on each module. Reflections are private to the learner and never shown here, nor which sections they
        skipped for now.
      </p>
      {learner.assignments.length === 0 ? <p>Nothing is assigned to this cohort yet.</p> : null}
      {learner.assignments.map((a) => (
        <section key={a.title} className="card" aria-label={a.title}>
          <h3>{a.title}</h3>
          <p>
            {a.completedAt ? `Completed on ${formatDate(a.completedAt)}.` : "Not complete yet."}
            {a.dueOn ? ` Due ${formatDate(a.dueOn)}.` : ""}
          </p>
          <table>
            <caption className="visually-hidden">Modules of {a.title}</caption>
            <thead>
              <tr>
                <th scope="col">Module</th>
                <th scope="col">Status</th>
                <th scope="col">Started</th>
                <th scope="col">Completed</th>
              </tr>
            </thead>
            <tbody>
              {a.modules.map((m) => (
                <tr key={m.title}>
                  <th scope="row">{m.title}</th>
                  <td className={`state state-${m.state}`}>{STATE_LABELS[m.state]}</td>
                  <td>{m.startedAt ? formatDate(m.startedAt) : "—"}</td>
                  <td>{m.completedAt ? formatDate(m.completedAt) : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </>
  );
}
