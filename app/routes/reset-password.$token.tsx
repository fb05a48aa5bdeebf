import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, Field } from "~/components/form";
import { getSession, visitContext } from "~/lib/auth.server";
import { account } from "~/lib/domain.server";
import { handled } from "~/lib/http.server";
import { dispatch, intent } from "~/lib/intents.server";

export const meta: MetaFunction = () => [{ title: "Choose a new password · Alongside" }];

export const loader = ({ request, params, context }: LoaderFunctionArgs) =>
  handled(async () => {
    const visit = await visitContext(request, context);
    const page = account.passwordResetPage(visit, context.runtime.config.SESSION_SECRET, params.token ?? "");
    return page.ok ? page : data(page, { status: 410 });
  });

export const action = ({ request, params, context }: ActionFunctionArgs) =>
  handled(async () => {
    const visit = await visitContext(request, context);
    const session = await getSession(request, context);
    return dispatch(
      request,
      visit,
      {
        reset: intent({
          schema: account.resetPasswordSchema,
          run: async (visit, input) => {
            await account.resetForgottenPassword(
              visit,
              context.runtime.config.SESSION_SECRET,
              params.token ?? "",
              input,
              {
                sessionId: session?.id ?? null,
                ip: context.ip,
              },
            );
            return redirect(session ? "/account?saved=password" : "/login?reset=1");
          },
        }),
      },
      { fallback: "reset" },
    );
  });

const LABELS = { newPassword: "New password", confirmPassword: "New password again" };

export default function ResetPassword() {
  const page = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  const linkProblem = state?.errors?.link;
  if (!page.ok || linkProblem) {
    return (
      <div className="narrow">
        <h1>This link cannot be used</h1>
        <p>{linkProblem ?? ("message" in page ? page.message : "")}</p>
        <p>
          <Link to="/forgot-password">Ask for a new link</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="narrow">
      <h1>Choose a new password</h1>
      <p>Hello {"name" in page ? page.name : ""}. Choose a new password for your account.</p>
      <p>Once it is set, you are logged out everywhere else.</p>
      <Form method="post" className="stack" noValidate>
        <ErrorSummary state={state} labels={LABELS} />
        <Field
          label="New password"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          hint="At least 8 characters. A few words strung together work well."
          state={state}
          required
          minLength={8}
          maxLength={200}
        />
        <Field
          label="New password again"
          name="confirmPassword"
          type="password"
          autoComplete="new-password"
          state={state}
          required
          maxLength={200}
        />
        <div className="actions">
          <button type="submit" name="intent" value="reset">
            Set my new password
          </button>
        </div>
      </Form>
    </div>
  );
}
