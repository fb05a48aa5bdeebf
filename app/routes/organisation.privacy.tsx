import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Notice } from "~/components/layout";
import { RetentionForm } from "~/components/organisations/retention-form";
import { requireContext } from "~/lib/auth.server";
import { privacy } from "~/lib/domain.server";
import { handled } from "~/lib/http.server";
import { dispatch, intent } from "~/lib/intents.server";

export const meta: MetaFunction = () => [{ title: "Privacy · Alongside" }];

export const loader = ({ request, context }: LoaderFunctionArgs) =>
  handled(async () => privacy.retentionSetting(await requireContext(request, context)));

export const action = ({ request, context }: ActionFunctionArgs) =>
  handled(async () =>
    dispatch(
      request,
      await requireContext(request, context),
      {
        retention: intent({
          schema: privacy.retentionSchema,
          run: (ctx, input) => {
            privacy.setRetention(ctx, input);
            return redirect("/organisation/privacy?saved=1");
          },
        }),
      },
      { fallback: "retention" },
    ),
  );

export default function OrganisationPrivacy() {
  const { months } = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  const [params] = useSearchParams();
  return (
    <>
      {params.get("saved") ? <Notice tone="success">Saved.</Notice> : null}
      <RetentionForm months={months} state={state} />
      <section className="card" aria-labelledby="requests-title">
        <h2 id="requests-title">When a member asks for their data or to be deleted</h2>
        <p>
          Members can download their data and delete their account themselves, from their account page. If someone asks
          you instead, open them under Members: you can download their data to pass on (without their journal, which
          only they can download) or delete their account, with the reason in the activity log.
        </p>
      </section>
    </>
  );
}
