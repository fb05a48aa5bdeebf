import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { EmptyState, PageHeader } from "~/components/layout";
import { requireAllowed } from "~/lib/auth.server";

export const meta: MetaFunction = () => [{ title: "Cohorts · Alongside" }];

export const loader = async ({ request, context }: LoaderFunctionArgs) => {
  await requireAllowed(request, context, "cohort.manage");
  return null;
};

export default function CohortsHome() {
  return (
    <>
      <PageHeader title="Cohorts" />
      <EmptyState title="Nothing here yet">
        <p>Groups of learners and their progress will appear here.</p>
      </EmptyState>
    </>
  );
}
