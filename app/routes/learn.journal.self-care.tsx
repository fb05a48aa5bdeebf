import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { PageHeader } from "~/components/layout";
import { PageLink } from "~/components/page-links";
import { SAVE_PLAN, SelfCarePlanForm } from "~/components/self-care/plan-form";
import { requireContext } from "~/lib/auth.server";
import { selfCare } from "~/lib/domain.server";
import { handled } from "~/lib/http.server";
import { dispatch, intent } from "~/lib/intents.server";

export const meta: MetaFunction = () => [{ title: "My self-care plan · Alongside" }];

export const loader = ({ request, context }: LoaderFunctionArgs) =>
  handled(async () => ({ plan: selfCare.mySelfCarePlan(await requireContext(request, context)) }));

export const action = ({ request, context }: ActionFunctionArgs) =>
  handled(async () => {
    const ctx = await requireContext(request, context);
    return dispatch(request, ctx, {
      [SAVE_PLAN]: intent({
        schema: selfCare.selfCarePlanSchema,
        run: (ctx, input) => {
          selfCare.saveSelfCarePlan(ctx, input);
          return redirect("/learn/journal/self-care?saved=1");
        },
      }),
    });
  });

export default function MySelfCarePlan() {
  const { plan } = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  const [params] = useSearchParams();
  return (
    <>
      <p>
        <PageLink to="/learn/journal">Back to my journal</PageLink>
      </p>
      <PageHeader
        title="My self-care plan"
        lead="Notes to yourself for the harder days. Private to you: trainers and facilitators never see it. It is the same plan in every course that asks about it."
      />
      <SelfCarePlanForm plan={plan} state={state} saved={params.get("saved") === "1"} idPrefix="plan" />
    </>
  );
}
