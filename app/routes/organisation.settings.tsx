import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Notice } from "~/components/layout";
import { PanelSignoffSettings } from "~/components/organisations/panel-signoff-settings";
import { RemindersForm } from "~/components/organisations/reminders-form";
import { SessionTimeoutsForm } from "~/components/organisations/session-timeouts-form";
import { WritingWordsForm } from "~/components/organisations/writing-words-form";
import { requireContext } from "~/lib/auth.server";
import { organisations, panel, reminders } from "~/lib/domain.server";
import { handled } from "~/lib/http.server";
import { dispatch, intent } from "~/lib/intents.server";

export const meta: MetaFunction = () => [{ title: "Settings · Alongside" }];

export const loader = ({ request, context }: LoaderFunctionArgs) =>
  handled(async () => {
    const ctx = await requireContext(request, context);
    return {
      timeouts: organisations.sessionTimeouts(ctx),
      reminders: reminders.reminderSetting(ctx),
      writingWords: organisations.graphicDetailWordsToManage(ctx),
      panelRequired: panel.panelRequirement(ctx).required,
      rubric: panel.rubricToManage(ctx),
    };
  });

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
        reminders: intent({
          schema: reminders.reminderDaysSchema,
          run: (ctx, input) => {
            reminders.setReminderDays(ctx, input);
            return redirect("/organisation/settings?saved=reminders");
          },
        }),
        writingWords: intent({
          schema: organisations.graphicDetailWordsSchema,
          run: (ctx, input) => {
            organisations.setGraphicDetailWords(ctx, input);
            return redirect("/organisation/settings?saved=writingWords");
          },
        }),
        panelRequired: intent({
          schema: panel.panelRequiredSchema,
          run: (ctx, input) => {
            panel.setPanelRequired(ctx, input);
            return redirect("/organisation/settings?saved=panel#panel-signoff-title");
          },
        }),
        panelRubric: intent({
          schema: panel.rubricSchema,
          run: (ctx, input) => {
            panel.setRubric(ctx, input);
            return redirect("/organisation/settings?saved=panel#panel-signoff-title");
          },
        }),
      },
      { fallback: "timeouts" },
    );
  });

export default function OrganisationSettings() {
  const { timeouts, reminders: reminderSetting, writingWords, panelRequired, rubric } = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  const [params] = useSearchParams();
  return (
    <>
      {params.get("saved") === "timeouts" ? (
        <Notice tone="success">Saved. They apply from each person's next page.</Notice>
      ) : null}
      {params.get("saved") === "reminders" ||
      params.get("saved") === "writingWords" ||
      params.get("saved") === "panel" ? (
        <Notice tone="success">Saved.</Notice>
      ) : null}
      <SessionTimeoutsForm
        timeouts={timeouts}
        state={
          state?.intent === "reminders" || state?.intent === "writingWords" || state?.intent?.startsWith("panel")
            ? undefined
            : state
        }
      />
      <RemindersForm days={reminderSetting.days} state={state?.intent === "reminders" ? state : undefined} />
      <WritingWordsForm
        words={writingWords.words}
        isDefault={writingWords.isDefault}
        state={state?.intent === "writingWords" ? state : undefined}
      />
      <PanelSignoffSettings
        required={panelRequired}
        rubric={rubric.items}
        isDefault={rubric.isDefault}
        requiredState={state?.intent === "panelRequired" ? state : undefined}
        rubricState={state?.intent === "panelRubric" ? state : undefined}
      />
    </>
  );
}
