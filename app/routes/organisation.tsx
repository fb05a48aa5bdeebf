import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
import { PageHeader } from "~/components/layout";
import { Tabs } from "~/components/tabs";
import { requireAllowed } from "~/lib/auth.server";
import { getOrganisation } from "~/lib/organisations.server";

export const loader = async ({ request, context }: LoaderFunctionArgs) => {
  const actor = await requireAllowed(request, context, "organisation.manage");
  return { name: getOrganisation(context.runtime.db, actor.orgId)?.name ?? "" };
};

export default function OrganisationLayout() {
  const { name } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title={name} lead="Manage who is here, what they can do, and the support shown to everyone." />
      <Tabs
        label="Organisation"
        items={[
          { to: "/organisation", label: "Members", end: true },
          { to: "/organisation/invitations", label: "Invitations" },
          { to: "/organisation/support", label: "Support resources" },
          { to: "/organisation/activity", label: "Activity log" },
        ]}
      />
      <Outlet />
    </>
  );
}
