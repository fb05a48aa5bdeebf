import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { ErrorSummary, Field } from "~/components/form";
import { Notice } from "~/components/layout";
import { visitContext } from "~/lib/auth.server";
import { account } from "~/lib/domain.server";
import { dispatch, intent } from "~/lib/intents.server";

export const meta: MetaFunction = () => [{ title: "Forgot your password? · Alongside" }];

export const loader = (_args: LoaderFunctionArgs) => null;

export const action = async ({ request, context }: ActionFunctionArgs) => {
  const visit = await visitContext(request, context);
  return dispatch(
    request,
    visit,
    {
      reset: intent({
        schema: account.forgotPasswordSchema,
        run: (visit, input) => {
          account.requestPasswordReset(visit, context.runtime.config.SESSION_SECRET, input, { ip: context.ip });
          // The same answer whether or not the address has an account.
          return redirect("/forgot-password?sent=1");
        },
      }),
    },
    { fallback: "reset" },
  );
};

export default function ForgotPassword() {
  const state = useActionData<typeof action>();
  const [params] = useSearchParams();
  return (
    <div className="narrow">
      <h1>Forgot your password?</h1>
      {params.get("sent") ? (
        <Notice tone="success">
          <p>
            If that address has an Alongside account, an email with a link to choose a new password is on its way. The
            link works once, for one hour.
          </p>
          <p>Nothing there after a few minutes? Check your spam folder, or ask again below.</p>
        </Notice>
      ) : (
        <p>Enter the email address you log in with, and we will send you a link to choose a new password.</p>
      )}
      <Form method="post" className="stack" noValidate>
        <ErrorSummary state={state} />
        <Field label="Email" name="email" type="email" autoComplete="email" state={state} required maxLength={254} />
        <div className="actions">
          <button type="submit" name="intent" value="reset">
            Send me a link
          </button>
        </div>
      </Form>
      <p>
        Remembered it? <Link to="/login">Log in</Link>.
      </p>
    </div>
  );
}
