import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { EmptyState, formatDate, PageHeader } from "~/components/layout";
import { requireAllowed } from "~/lib/auth.server";
import { handled } from "~/lib/http.server";
import { myLearning } from "~/lib/learning.server";

export const meta: MetaFunction = () => [{ title: "My learning · Alongside" }];

export const loader = ({ request, context }: LoaderFunctionArgs) =>
  handled(async () => {
    const actor = await requireAllowed(request, context, "learning.take");
    return myLearning(context.runtime.db, actor);
  });

function statusOf(c: { completedAt: Date | string | null; started: number }) {
  if (c.completedAt) return "Complete";
  return c.started ? "In progress" : "Not started";
}

export default function MyLearning() {
  const { mine, open } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title="My learning"
        lead="Go at your own pace. You can skip hard sections for now and come back to them, and stop whenever you need to."
      />
      <p>
        <Link to="/learn/journal">My reflection journal</Link> <span className="muted">(private to you)</span>
      </p>
      <section aria-labelledby="mine-title">
        <h2 id="mine-title">Your courses</h2>
        {mine.length === 0 ? (
          <EmptyState title="No courses yet">
            <p>When a trainer gives you a course, or you join one that is open to everyone, it appears here.</p>
          </EmptyState>
        ) : (
          <ul className="module-list">
            {mine.map((c) => (
              <li key={c.enrolmentId} className="card">
                <h3>{c.title}</h3>
                <p className="module-tags">
                  <span className="badge badge-accent">{statusOf(c)}</span>{" "}
                  <span className="muted">
                    {c.completedModules} of {c.modules} {c.modules === 1 ? "module" : "modules"} done · about{" "}
                    {c.estimatedMinutes} minutes in all
                  </span>
                </p>
                {c.completedAt ? <p className="muted">Completed on {formatDate(c.completedAt)}</p> : null}
                <p className="actions">
                  <Link to={`/learn/e/${c.enrolmentId}`} className="button">
                    {c.completedAt ? "Look back" : c.started ? "Continue" : "Start"}
                    <span className="visually-hidden"> {c.title}</span>
                  </Link>
                  {c.completedAt ? (
                    <Link to={`/learn/e/${c.enrolmentId}/certificate`}>
                      Certificate<span className="visually-hidden"> for {c.title}</span>
                    </Link>
                  ) : null}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
      {open.length > 0 ? (
        <section aria-labelledby="open-title">
          <h2 id="open-title">Open to everyone</h2>
          <ul className="module-list">
            {open.map((c) => (
              <li key={c.id} className="card">
                <h3>
                  <Link to={`/learn/courses/${c.id}`}>{c.title}</Link>
                </h3>
                {c.description ? <p>{c.description}</p> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
