import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { WhatDeletingDoes } from "~/components/account/what-deleting-does";
import { ErrorSummary, Field } from "~/components/form";
import { PageHeader } from "~/components/layout";
import { endSession, requireSession, visitContext } from "~/lib/auth.server";
import { privacy } from "~/lib/domain.server";
import { dispatch, intent } from "~/lib/intents.server";

export const meta: MetaFunction = () => [{ title: "Delete your account · Alongside" }];

export const loader = async ({ request, context }: LoaderFunctionArgs) => {
  await requireSession(request, context);
  return { blocked: privacy.myDeletionBlock(await visitContext(request, context)) };
};

export const action = async ({ request, context }: ActionFunctionArgs) => {
  await requireSession(request, context);
  return dispatch(
    request,
    await visitContext(request, context),
    {
      delete: intent({
        schema: privacy.deleteAccountSchema,
        run: async (visit, input) => {
          await privacy.deleteMyAccount(visit, input);
          const { cookie } = await endSession(request, context);
          return redirect("/login?accountDeleted=1", {
            headers: { "Set-Cookie": cookie, "Clear-Site-Data": '"cache"' },
          });
        },
      }),
    },
    { fallback: "delete" },
  );
};

export default function DeleteAccount() {
  const { blocked } = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  const removeTicked = state?.values?.removeComments === "on";
  return (
    <>
      <PageHeader title="Delete your account" lead={<Link to="/account">Back to your account</Link>} />
      <WhatDeletingDoes />
      <section className="card" aria-labelledby="confirm-title">
        <h2 id="confirm-title">Delete it</h2>
        {blocked ? (
          <p className="error-message" role="alert">
            {blocked}
          </p>
        ) : (
          <Form method="post" className="stack" noValidate>
            <ErrorSummary state={state} />
            <div className="checkbox">
              <input type="checkbox" id="remove-comments" name="removeComments" defaultChecked={removeTicked} />
              <label htmlFor="remove-comments">Also remove my comments</label>
            </div>
            <Field
              label="Your password"
              name="password"
              type="password"
              autoComplete="current-password"
              hint="To be sure it is you."
              state={state}
              required
            />
            <div className="actions">
              <button type="submit" name="intent" value="delete">
                Delete my account
              </button>
            </div>
          </Form>
        )}
      </section>
    </>
  );
}
