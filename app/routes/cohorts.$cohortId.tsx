import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, Outlet, useLoaderData } from "@remix-run/react";
import { formatDate } from "~/components/layout";
import { Tabs } from "~/components/tabs";
import { requireContext } from "~/lib/auth.server";
import { cohorts } from "~/lib/domain.server";
import { handled, paramId } from "~/lib/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.cohort.name ?? "Cohort"} · Alongside` },
];

export const loader = ({ request, context, params }: LoaderFunctionArgs) =>
  handled(async () => {
    const ctx = await requireContext(request, context);
    const cohort = cohorts.getCohort(ctx, paramId(params, "cohortId"));
    return {
      cohort: {
        id: cohort.id,
        name: cohort.name,
        startsOn: cohort.startsOn,
        endsOn: cohort.endsOn,
        archived: cohort.archivedAt !== null,
      },
    };
  });

export default function CohortLayout() {
  const { cohort } = useLoaderData<typeof loader>();
  const base = `/cohorts/${cohort.id}`;
  return (
    <>
      <p>
        <Link to="/cohorts">Back to cohorts</Link>
      </p>
      <div className="page-header">
        <div>
          <h1>{cohort.name}</h1>
          <p className="lead">
            {formatDate(cohort.startsOn)}
            {cohort.endsOn ? ` to ${formatDate(cohort.endsOn)}` : ""}
            {cohort.archived ? " · archived" : ""}
          </p>
        </div>
      </div>
      <Tabs
        label="Cohort"
        items={[
          { to: base, label: "Progress", end: true },
          { to: `${base}/learners`, label: "Learners" },
          { to: `${base}/assignments`, label: "Assignments" },
          { to: `${base}/details`, label: "Details and facilitators" },
        ]}
      />
      <Outlet />
    </>
  );
}
