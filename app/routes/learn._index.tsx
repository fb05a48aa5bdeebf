import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { EmptyState, PageHeader } from "~/components/layout";
import { requireAllowed } from "~/lib/auth.server";

export const meta: MetaFunction = () => [{ title: "My learning · Alongside" }];

export const loader = async ({ request, context }: LoaderFunctionArgs) => {
  await requireAllowed(request, context, "learning.take");
  return null;
};

export default function LearnHome() {
  return (
    <>
      <PageHeader title="My learning" />
      <EmptyState title="Nothing here yet">
        <p>Courses assigned to you will appear here.</p>
      </EmptyState>
    </>
  );
}
