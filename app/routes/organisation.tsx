import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
import { PageHeader } from "~/components/layout";
import { SupportToCompleteBanner } from "~/components/support/support-to-complete-banner";
import { Tabs } from "~/components/tabs";
import { requireContext } from "~/lib/auth.server";
import { organisations } from "~/lib/domain.server";
import { handled } from "~/lib/http.server";

export const loader = ({ request, context }: LoaderFunctionArgs) =>
  handled(async () => {
    const ctx = await requireContext(request, context);
    return { ...organisations.organisationToManage(ctx), supportToComplete: organisations.supportStillToComplete(ctx) };
  });

export default function OrganisationLayout() {
  const { name, supportToComplete } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title={name} lead="Manage who is here, what they can do, and the support shown to everyone." />
      <SupportToCompleteBanner names={supportToComplete} />
      <Tabs
        label="Organisation"
        items={[
          { to: "/organisation", label: "Members", end: true },
          { to: "/organisation/invitations", label: "Invitations" },
          { to: "/organisation/support", label: "Support resources" },
          { to: "/organisation/email", label: "Outgoing email" },
          { to: "/organisation/activity", label: "Activity log" },
          { to: "/organisation/settings", label: "Settings" },
          { to: "/organisation/privacy", label: "Privacy" },
        ]}
      />
      <Outlet />
    </>
  );
}
