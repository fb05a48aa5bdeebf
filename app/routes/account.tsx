import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ChangeEmail } from "~/components/account/change-email";
import { ChangePassword } from "~/components/account/change-password";
import { EmailChoices } from "~/components/account/email-choices";
import { YourCredits } from "~/components/account/your-credits";
import { YourData } from "~/components/account/your-data";
import { YourIntroduction } from "~/components/account/your-introduction";
import { YourName } from "~/components/account/your-name";
import { YourOrganisations } from "~/components/account/your-organisations";
import { YourSessions } from "~/components/account/your-sessions";
import { YourSupportChoice } from "~/components/account/your-support-choice";
import { Notice, PageHeader } from "~/components/layout";
import { YourStories } from "~/components/stories/your-stories";
import { contextOf, getActor, visitContext } from "~/lib/auth.server";
import { account, credits, notifications } from "~/lib/domain.server";
import { readForm } from "~/lib/forms.server";
import { dispatch, intent } from "~/lib/intents.server";

export const meta: MetaFunction = () => [{ title: "Your account · Alongside" }];

export const loader = async ({ request, context }: LoaderFunctionArgs) => {
  const { session, actor } = await getActor(request, context);
  const visit = await visitContext(request, context);
  return {
    user: session.user,
    currentOrgId: actor?.orgId ?? null,
    organisations: account.myOrganisations(visit),
    introduction: account.myIntroduction(visit),
    credits: actor ? credits.myCredits(contextOf(context, actor)) : [],
    sessions: account.mySessions(visit, session.id),
    emailChoices: notifications.notificationChoices(visit),
  };
};

export const action = async ({ request, context }: ActionFunctionArgs) => {
  const { session, actor } = await getActor(request, context);
  const visit = await visitContext(request, context);
  const form = await readForm(request);
  const moduleId = String(form.get("moduleId") ?? "");
  return dispatch(
    request,
    visit,
    {
      switch: intent({
        schema: account.switchOrganisationSchema,
        run: (visit, input) => {
          account.switchOrganisation(visit, session.id, input);
          return redirect("/");
        },
      }),
      profile: intent({
        schema: account.profileSchema,
        run: (visit, input) => {
          account.renameMe(visit, input);
          return redirect("/account?saved=profile");
        },
      }),
      introduction: intent({
        schema: account.introductionSchema,
        run: (visit, input) => {
          account.introduceMe(visit, input);
          return redirect("/account?saved=introduction");
        },
      }),
      credit: intent({
        schema: credits.creditChoiceSchema,
        run: (_visit, input) => {
          // Someone in no organisation has no modules to be credited on.
          if (!actor) return redirect("/account");
          credits.setCreditChoice(contextOf(context, actor), moduleId, input);
          return redirect("/account?saved=credit");
        },
      }),
      endSession: intent({
        schema: account.sessionIdSchema,
        run: (visit, input) => {
          account.endMySession(visit, input, { ip: context.ip });
          return redirect("/account?saved=session");
        },
      }),
      endOtherSessions: intent({
        run: (visit) => {
          account.endMyOtherSessions(visit, session.id, { ip: context.ip });
          return redirect("/account?saved=sessions");
        },
      }),
      email: intent({
        schema: account.changeEmailSchema,
        run: async (visit, input) => {
          await account.requestEmailChange(visit, context.runtime.config.SESSION_SECRET, input);
          return redirect("/account?saved=email");
        },
      }),
      emailChoices: intent({
        schema: notifications.notificationChoicesSchema,
        run: (visit, input) => {
          notifications.setNotificationChoices(visit, input);
          return redirect("/account?saved=emailChoices");
        },
      }),
      password: intent({
        schema: account.changePasswordSchema,
        run: async (visit, input) => {
          await account.changeMyPassword(visit, session.id, input);
          return redirect("/account?saved=password");
        },
      }),
    },
    { form, intentOf: { credit: `credit-${moduleId}` } },
  );
};

export default function Account() {
  const { user, organisations, currentOrgId, credits, introduction, sessions, emailChoices } =
    useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  const [params] = useSearchParams();
  const saved = params.get("saved");
  const stateFor = (intent: string) => (state?.intent === intent ? state : undefined);
  return (
    <>
      <PageHeader title="Your account" lead={user.email} />
      {saved === "password" ? (
        <Notice tone="success">Your password is changed. You were logged out everywhere else.</Notice>
      ) : null}
      {saved === "profile" ? <Notice tone="success">Your name is saved.</Notice> : null}
      {saved === "email" ? (
        <Notice tone="success">
          A link to confirm is on its way to your new address. Until you follow it, you keep logging in with this one.
        </Notice>
      ) : null}
      {saved === "introduction" ? (
        <Notice tone="success">Saved. Learners of the cohorts you facilitate see it this way.</Notice>
      ) : null}
      {saved === "session" ? <Notice tone="success">That device is signed out.</Notice> : null}
      {saved === "sessions" ? <Notice tone="success">You are signed out everywhere else.</Notice> : null}
      {saved === "emailChoices" ? <Notice tone="success">Your email choices are saved.</Notice> : null}
      {saved === "credit" ? <Notice tone="success">Your credit is saved. It shows this way everywhere.</Notice> : null}

      <YourOrganisations
        organisations={organisations}
        currentOrgId={currentOrgId}
        error={stateFor("switch")?.errors?.form}
      />

      <YourName name={user.name} state={stateFor("profile")} />

      <YourIntroduction introduction={introduction} state={stateFor("introduction")} />

      <YourCredits credits={credits} realName={user.name} stateFor={(id) => stateFor(`credit-${id}`)} />

      <ChangeEmail email={user.email} state={stateFor("email")} />

      <ChangePassword state={stateFor("password")} />

      <EmailChoices choices={emailChoices} state={stateFor("emailChoices")} />

      <YourSessions sessions={sessions} error={stateFor("endSession")?.errors?.form} />

      <YourSupportChoice />

      <YourStories />
      <YourData />
    </>
  );
}
