import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/form";
import { PageHeader } from "~/components/layout";
import { PageForm, PageLink } from "~/components/page-links";
import { SupportChoiceFields } from "~/components/support/support-choice-fields";
import { contextOf, currentActor } from "~/lib/auth.server";
import { supportChoice } from "~/lib/domain.server";
import { handled } from "~/lib/http.server";
import { dispatch, intent } from "~/lib/intents.server";
import { placeOptions } from "~/lib/support.server";
import {
  forgetVisitorSupportChoice,
  keepVisitorSupportChoice,
  visitorSupportChoice,
} from "~/lib/visitor-support-choice.server";
import type { RouteHandle } from "~/root";

export const meta: MetaFunction = () => [{ title: "Support that fits you · Alongside" }];

export const handle: RouteHandle = { hydrate: false };

/** The signed-in member's choice is kept for them; anyone else's only in their own browser's cookie. */
async function memberContext(request: Request, context: LoaderFunctionArgs["context"]) {
  const current = await currentActor(request, context);
  return current?.actor ? contextOf(context, current.actor) : null;
}

export const loader = ({ request, context }: LoaderFunctionArgs) =>
  handled(async () => {
    const ctx = await memberContext(request, context);
    // The broad values are what leaving a question unanswered means, so they are not offered.
    const options = placeOptions();
    return {
      inBrowser: !ctx,
      choice: ctx ? supportChoice.mySupportChoice(ctx) : await visitorSupportChoice(request),
      nations: options.nations.filter((o) => o.value !== "uk"),
      groups: options.groups.filter((o) => o.value !== "everyone"),
    };
  });

export const action = ({ request, context }: ActionFunctionArgs) =>
  handled(async () => {
    const ctx = await memberContext(request, context);
    if (!ctx) {
      return dispatch(
        request,
        request,
        {
          save: intent({
            schema: supportChoice.supportChoiceSchema,
            run: async (request, input) =>
              redirect("/support?saved=choice", {
                headers: { "Set-Cookie": await keepVisitorSupportChoice(request, input) },
              }),
          }),
          forget: intent({
            run: async (request) =>
              redirect("/support?saved=forgotten", {
                headers: { "Set-Cookie": await forgetVisitorSupportChoice(request) },
              }),
          }),
        },
        { fallback: "save" },
      );
    }
    return dispatch(
      request,
      ctx,
      {
        save: intent({
          schema: supportChoice.supportChoiceSchema,
          run: (ctx, input) => {
            supportChoice.setMySupportChoice(ctx, input);
            return redirect("/support?saved=choice");
          },
        }),
        forget: intent({
          run: (ctx) => {
            supportChoice.forgetMySupportChoice(ctx);
            return redirect("/support?saved=forgotten");
          },
        }),
      },
      { fallback: "save" },
    );
  });

export default function ChooseSupport() {
  const { inBrowser, choice, nations, groups } = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  return (
    <div className="narrow">
      <PageHeader
        title="Support that fits you"
        lead="Tell us where you are and which groups matter to you, and the support that fits is shown first. Everything else is still there."
      />
      {inBrowser ? (
        <p>
          This is optional, and it stays in this browser: it is kept in a cookie on this device, and we keep nothing of
          it. Signing in does not take it with you. You can change it or forget it here at any time.
        </p>
      ) : (
        <p>
          This is optional, and private: only you see it. Your trainers and your organisation's admins never do, and it
          is not in anything they download. You can change it or forget it here at any time.
        </p>
      )}
      <PageForm method="post" className="stack" noValidate>
        <ErrorSummary state={state} />
        <SupportChoiceFields state={state} choice={choice} nations={nations} groups={groups} />
        <div className="actions">
          <button type="submit" name="intent" value="save">
            Save
          </button>
          <PageLink to="/support">Skip for now</PageLink>
        </div>
      </PageForm>
      {choice ? (
        <PageForm method="post" className="actions">
          <button type="submit" name="intent" value="forget" className="button-secondary">
            Forget my choice
          </button>
        </PageForm>
      ) : null}
    </div>
  );
}
