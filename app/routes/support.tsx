import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, useSearchParams } from "@remix-run/react";
import { Notice, PageHeader } from "~/components/layout";
import { BrowserSupportChoiceSummary } from "~/components/support/browser-support-choice-summary";
import { YourSupportChoiceSummary } from "~/components/support/your-support-choice-summary";
import { SupportList } from "~/components/support-list";
import { supportFor } from "~/lib/support.server";
import type { RouteHandle } from "~/root";

export const meta: MetaFunction = () => [{ title: "Support now · Alongside" }];

export const handle: RouteHandle = { hydrate: false };

export const loader = async ({ request, context }: LoaderFunctionArgs) => supportFor(request, context);

export default function Support() {
  const { resources, organisation, signedIn, choice, choiceLabels } = useLoaderData<typeof loader>();
  const saved = useSearchParams()[0].get("saved");
  return (
    <>
      <PageHeader
        title="Support now"
        lead="You do not have to carry this alone. Take a break whenever you need one: your progress is saved."
      />
      {saved === "choice" ? <Notice tone="success">Saved. What fits your choice is shown first.</Notice> : null}
      {saved === "forgotten" ? <Notice tone="success">Your choice is forgotten.</Notice> : null}
      <p>
        If you or someone else is in immediate danger, call <a href="tel:999">999</a>.
      </p>
      {signedIn ? (
        <YourSupportChoiceSummary choice={choice} labels={choiceLabels} />
      ) : (
        <BrowserSupportChoiceSummary choice={choice} labels={choiceLabels} />
      )}
      <SupportList resources={resources} />
      {organisation ? <p className="muted">These are the support contacts {organisation} has chosen for you.</p> : null}
    </>
  );
}
