import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Notice } from "~/components/layout";
import { SessionTimeoutsForm } from "~/components/organisations/session-timeouts-form";
import { requireContext } from "~/lib/auth.server";
import { organisations } from "~/lib/domain.server";
import { handled } from "~/lib/http.server";
import { dispatch, intent } from "~/lib/intents.server";

export const meta: MetaFunction = () => [{ title: "Settings · Alongside" }];

export const loader = ({ request, context }: LoaderFunctionArgs) =>
  handled(async () => ({ timeouts: organisations.sessionTimeouts(await requireContext(request, context)) }));

export const action = ({ request, context }: ActionFunctionArgs) =>
  handled(async () => {
    const ctx = await requireContext(request, context);
    return dispatch(
      request,
      ctx,
      {
        timeouts: intent({
          schema: organisations.sessionTimeoutsSchema,
          run: (ctx, input) => {
            organisations.setSessionTimeouts(ctx, input);
            return redirect("/organisation/settings?saved=timeouts");
          },
        }),
      },
      { fallback: "timeouts" },
    );
  });

export default function OrganisationSettings() {
  const { timeouts } = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  const [params] = useSearchParams();
  return (
    <>
      {params.get("saved") === "timeouts" ? (
        <Notice tone="success">Saved. They apply from each person's next page.</Notice>
      ) : null}
      <SessionTimeoutsForm timeouts={timeouts} state={state} />
    </>
  );
}
