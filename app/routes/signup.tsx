import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { ErrorSummary, Field } from "~/components/form";
import { getSession, visitContext } from "~/lib/auth.server";
import { account } from "~/lib/domain.server";
import { dispatch, intent } from "~/lib/intents.server";
import type { RouteHandle } from "~/root";

export const handle: RouteHandle = {
  description:
    "Set up your peer-support service on Alongside: co-design training with your peer supporters, publish courses and follow your cohorts.",
};

export const meta: MetaFunction = () => [{ title: "Set up your organisation · Alongside" }];

export const loader = async ({ request, context }: LoaderFunctionArgs) => {
  if (await getSession(request, context)) throw redirect("/account");
  return null;
};

export const action = async ({ request, context }: ActionFunctionArgs) => {
  const visit = await visitContext(request, context);
  const { config } = context.runtime;
  return dispatch(
    request,
    visit,
    {
      signUp: intent({
        schema: account.signUpSchema,
        run: async (visit, input) => {
          await account.signUp(visit, input, { ip: context.ip, perHour: config.SIGNUPS_PER_HOUR });
          // The same answer whether the email was new or already had an account, so that sign-up does not
          // tell anyone which emails have accounts: the person logs in next (docs/decisions/0002).
          return redirect("/login?signedUp=1");
        },
      }),
    },
    { fallback: "signUp" },
  );
};

const LABELS = { name: "Your name", email: "Email", password: "Password", organisationName: "Organisation" };

export default function SignUp() {
  const state = useActionData<typeof action>();
  return (
    <div className="narrow">
      <h1>Set up your organisation</h1>
      <p className="lead">
        You will be its admin. You can invite facilitators, co-designers, trainers and learners next.
      </p>
      <Form method="post" className="stack" noValidate>
        <ErrorSummary state={state} labels={LABELS} />
        <Field label={LABELS.name} name="name" autoComplete="name" state={state} required maxLength={100} />
        <Field label={LABELS.email} name="email" type="email" autoComplete="email" state={state} required />
        <Field
          label={LABELS.password}
          name="password"
          type="password"
          autoComplete="new-password"
          hint="At least 8 characters. A few words strung together is easy to remember and hard to guess."
          state={state}
          required
          minLength={8}
          maxLength={200}
        />
        <Field
          label="Organisation name"
          name="organisationName"
          autoComplete="organization"
          hint="For example, the name of your peer support service."
          state={state}
          required
          maxLength={120}
        />
        <div className="actions">
          <button type="submit">Create organisation</button>
        </div>
      </Form>
      <p>
        Already have an account? <Link to="/login">Log in</Link>.
      </p>
    </div>
  );
}
