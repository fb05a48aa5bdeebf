import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PageHeader } from "~/components/layout";
import { SupportList } from "~/components/support-list";
import { supportFor } from "~/lib/support.server";
import type { RouteHandle } from "~/root";

export const meta: MetaFunction = () => [{ title: "Support now · Alongside" }];

export const handle: RouteHandle = { hydrate: false };

export const loader = async ({ request, context }: LoaderFunctionArgs) => supportFor(request, context);

export default function Support() {
  const { resources, organisation } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title="Support now"
        lead="You do not have to carry this alone. Take a break whenever you need one: your progress is saved."
      />
      <p>
        If you or someone else is in immediate danger, call <a href="tel:999">999</a>.
      </p>
      <SupportList resources={resources} />
      {organisation ? <p className="muted">These are the support contacts {organisation} has chosen for you.</p> : null}
    </>
  );
}
