import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { PageHeader } from "~/components/layout";
import { AskToMove } from "~/components/learning/ask-to-move";
import { requireContext } from "~/lib/auth.server";
import { learnerHome } from "~/lib/domain.server";
import { handled, paramId } from "~/lib/http.server";
import { dispatch, intent } from "~/lib/intents.server";

export const meta: MetaFunction = () => [{ title: "Ask to move to another cohort · Alongside" }];

export const loader = ({ request, context, params }: LoaderFunctionArgs) =>
  handled(async () => learnerHome.movePage(await requireContext(request, context), paramId(params, "cohortId")));

export const action = ({ request, context, params }: ActionFunctionArgs) =>
  handled(async () => {
    const ctx = await requireContext(request, context);
    const cohortId = paramId(params, "cohortId");
    return dispatch(request, ctx, {
      ask: intent({
        schema: learnerHome.moveRequestSchema,
        run: (ctx, input) => {
          learnerHome.askToMove(ctx, cohortId, input);
          return redirect("/learn?asked=move");
        },
      }),
    });
  });

export default function AskToMovePage() {
  const { from, cohorts, asked } = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  return (
    <div className="narrow">
      <PageHeader
        title="Ask to move to another cohort"
        lead={`You are in ${from.name}. Choose the cohort you would rather be in; a trainer will see your request and can move you. Everything you have done so far stays yours.`}
      />
      {asked ? <p>You already asked to move to {asked.toCohortName}. Asking again replaces that request.</p> : null}
      <AskToMove cohorts={cohorts} asked={asked?.toCohortId ?? null} state={state} />
    </div>
  );
}
