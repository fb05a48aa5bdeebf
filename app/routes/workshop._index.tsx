import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { EmptyState, PageHeader } from "~/components/layout";
import { requireAllowed } from "~/lib/auth.server";

export const meta: MetaFunction = () => [{ title: "Workshop · Alongside" }];

export const loader = async ({ request, context }: LoaderFunctionArgs) => {
  await requireAllowed(request, context, "workshop.view");
  return null;
};

export default function WorkshopHome() {
  return (
    <>
      <PageHeader title="Workshop" />
      <EmptyState title="Nothing here yet">
        <p>Modules you write together with peer supporters will appear here.</p>
      </EmptyState>
    </>
  );
}
