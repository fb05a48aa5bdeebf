import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect, redirectDocument } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { KeepSignedIn, LockedNotice } from "~/components/account/log-in-extras";
import { ErrorSummary, Field } from "~/components/form";
import { Notice } from "~/components/layout";
import { getSession, safeNext, startSession, visitContext } from "~/lib/auth.server";
import { account } from "~/lib/domain.server";
import { invalid } from "~/lib/forms.server";
import { dispatch, intent } from "~/lib/intents.server";
import type { RouteHandle } from "~/root";

export const handle: RouteHandle = {
  description:
    "Log in to Alongside, where peer supporters and facilitators make training together and learners take it at their own pace.",
};

export const meta: MetaFunction = () => [{ title: "Log in · Alongside" }];

export const loader = async ({ request, context }: LoaderFunctionArgs) => {
  if (await getSession(request, context)) throw redirect("/");
  return null;
};

export const action = async ({ request, context }: ActionFunctionArgs) => {
  const visit = await visitContext(request, context);
  return dispatch(
    request,
    visit,
    {
      login: intent({
        schema: account.loginSchema,
        run: async (visit, input, form) => {
          const result = await account.logIn(visit, input, { ip: context.ip });
          if (!result.ok) {
            // A locked email is told where to go on: the page links to resetting the password.
            if (result.locked) {
              const values = { email: input.email };
              return data({ ok: false as const, errors: { form: result.message }, values, locked: true }, 400);
            }
            return invalid({ errors: { form: result.message }, values: { email: input.email } });
          }
          const { keepSignedIn } = input;
          const cookie = await startSession(request, context, result.userId, result.orgId, { keepSignedIn });
          // Straight after setting up an organisation, its admin page greets them; only there, since the
          // same answer follows a sign-up with an email that already had an account.
          const welcome = form.get("signedUp") === "1" && result.home === "/organisation";
          const target = safeNext(form.get("next"), welcome ? "/organisation?welcome=1" : result.home);
          // Learner pages are plain documents: go there with a full page load, not a client-side render.
          const go = target === "/learn" || target.startsWith("/learn/") ? redirectDocument : redirect;
          return go(target, { headers: { "Set-Cookie": cookie } });
        },
      }),
    },
    { fallback: "login" },
  );
};

export default function Login() {
  const state = useActionData<typeof action>();
  const [params] = useSearchParams();
  return (
    <div className="narrow">
      <h1>Log in</h1>
      {params.get("signedUp") ? (
        <Notice tone="success">
          Thank you. Now log in with your email and password to open your organisation. If that email already had an
          account, no new organisation was set up: log in with the password you already have.
        </Notice>
      ) : null}
      {params.get("reset") ? (
        <Notice tone="success">
          Your new password is set, and you were logged out everywhere. Log in with it now.
        </Notice>
      ) : null}
      {params.get("accountDeleted") ? (
        <Notice tone="success">Your account is deleted. Thank you for being here.</Notice>
      ) : null}
      <Form method="post" className="stack" noValidate>
        <ErrorSummary state={state} />
        {state && "locked" in state ? <LockedNotice /> : null}
        <input type="hidden" name="next" value={params.get("next") ?? ""} />
        {params.get("signedUp") ? <input type="hidden" name="signedUp" value="1" /> : null}
        <Field label="Email" name="email" type="email" autoComplete="email" state={state} required maxLength={254} />
        <Field
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          state={state}
          required
          maxLength={200}
        />
        <KeepSignedIn state={state} />
        <div className="actions">
          <button type="submit">Log in</button>
        </div>
      </Form>
      <p>
        <Link to="/forgot-password">Forgot your password?</Link>
      </p>
      <p>
        New here? <Link to="/signup">Set up your organisation</Link>, or use the invitation link you were sent.
      </p>
    </div>
  );
}
