import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DashboardFilters } from "~/components/cohorts/dashboard-filters";
import { LearnerPages } from "~/components/cohorts/learner-pages";
import { ProgressMatrix } from "~/components/cohorts/progress-matrix";
import { ProgressSummary } from "~/components/cohorts/progress-summary";
import { CompletionChart } from "~/components/completion-chart";
import { EmptyState } from "~/components/layout";
import { requireContext } from "~/lib/auth.server";
import { cohorts } from "~/lib/domain.server";
import { handled, paramId } from "~/lib/http.server";
import { dispatch, intent } from "~/lib/intents.server";

export const loader = ({ request, context, params }: LoaderFunctionArgs) =>
  handled(async () => {
    const ctx = await requireContext(request, context);
    const query = cohorts.dashboardQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    return cohorts.progressPage(ctx, paramId(params, "cohortId"), query);
  });

export const action = ({ request, context, params }: ActionFunctionArgs) =>
  handled(async () => {
    const ctx = await requireContext(request, context);
    const cohortId = paramId(params, "cohortId");
    return dispatch(
      request,
      ctx,
      {
        seen: intent({
          run: (ctx) => {
            cohorts.markCohortSeen(ctx, cohortId);
            return redirect(`/cohorts/${cohortId}${new URL(request.url).search}`);
          },
        }),
      },
      { fallback: "seen" },
    );
  });

export default function Progress() {
  const { cohortId, assignments, filters, dashboard, paging, seenAt, newSince } = useLoaderData<typeof loader>();
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
  return (
    <>
      <ProgressSummary cohortId={cohortId} dashboard={dashboard} seenAt={seenAt} newSince={newSince} />
      <DashboardFilters assignments={assignments} chosen={dashboard.assignment.id} filters={filters} />
      <ProgressMatrix cohortId={cohortId} dashboard={dashboard} paging={paging} />
      <LearnerPages paging={paging} />
      <section aria-labelledby="chart-title">
        <h2 id="chart-title">Completion over time</h2>
        <CompletionChart series={dashboard.series} total={dashboard.total} />
      </section>
    </>
  );
}
