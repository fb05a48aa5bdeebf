import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { CohortFields } from "~/components/cohort-fields";
import { ErrorSummary } from "~/components/form";
import { EmptyState, formatDate, PageHeader } from "~/components/layout";
import { requireContext } from "~/lib/auth.server";
import { cohorts } from "~/lib/domain.server";
import { handled } from "~/lib/http.server";
import { dispatch, intent } from "~/lib/intents.server";

export const meta: MetaFunction = () => [{ title: "Cohorts · Alongside" }];

export const loader = ({ request, context }: LoaderFunctionArgs) =>
  handled(async () => {
    const ctx = await requireContext(request, context);
    const archived = new URL(request.url).searchParams.get("archived") === "1";
    return { archived, list: cohorts.listCohorts(ctx, { archived }) };
  });

export const action = ({ request, context }: ActionFunctionArgs) =>
  handled(async () => {
    const ctx = await requireContext(request, context);
    return dispatch(
      request,
      ctx,
      {
        create: intent({
          schema: cohorts.cohortDetailsSchema,
          run: (ctx, input) => redirect(`/cohorts/${cohorts.createCohort(ctx, input).id}/learners`),
        }),
      },
      { fallback: "create" },
    );
  });

export default function Cohorts() {
  const { list, archived } = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  const [params] = useSearchParams();
  return (
    <>
      <PageHeader title="Cohorts" lead="Groups of learners taking training together, and how they are getting on." />
      <p>
        {archived ? (
          <Link to="/cohorts">Show active cohorts</Link>
        ) : (
          <Link to="/cohorts?archived=1">Show archived cohorts</Link>
        )}
      </p>
      <div className="two-columns">
        <section aria-labelledby="cohort-list">
          <h2 id="cohort-list" className="visually-hidden">
            {archived ? "Archived cohorts" : "Active cohorts"}
          </h2>
          {list.length === 0 ? (
            <EmptyState title={archived ? "No archived cohorts" : "No cohorts yet"}>
              <p>Create a cohort, add learners, and give it a course.</p>
            </EmptyState>
          ) : (
            <ul className="module-list">
              {list.map((c) => (
                <li key={c.id} className="card">
                  <h3>
                    <Link to={`/cohorts/${c.id}`}>{c.name}</Link>
                  </h3>
                  <p className="muted">
                    {formatDate(c.startsOn)}
                    {c.endsOn ? ` to ${formatDate(c.endsOn)}` : ""} · {c.learners}{" "}
                    {c.learners === 1 ? "learner" : "learners"} · {c.assignments}{" "}
                    {c.assignments === 1 ? "assignment" : "assignments"}
                  </p>
                  {c.newCompletions > 0 ? (
                    <p className="badge badge-accent">
                      {c.newCompletions} {c.newCompletions === 1 ? "completion" : "completions"} since your last visit
                    </p>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="card" aria-labelledby="new-cohort">
          <h2 id="new-cohort">New cohort</h2>
          <Form method="post" className="stack" noValidate>
            <ErrorSummary state={state} />
            <CohortFields state={state} />
            <div className="actions">
              <button type="submit">Create cohort</button>
            </div>
          </Form>
          {params.get("created") ? <p>Created.</p> : null}
        </section>
      </div>
    </>
  );
}
