import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { visitContext } from "~/lib/auth.server";
import { account } from "~/lib/domain.server";
import { handled } from "~/lib/http.server";
import { dispatch, intent } from "~/lib/intents.server";

export const meta: MetaFunction = () => [{ title: "Confirm your new email address · Alongside" }];

/** Opening the link only shows what would change: mail scanners follow links (ADR 14). */
export const loader = ({ request, params, context }: LoaderFunctionArgs) =>
  handled(async () => {
    const visit = await visitContext(request, context);
    const page = account.emailChangePage(visit, context.runtime.config.SESSION_SECRET, params.token ?? "");
    return page.ok ? page : data(page, { status: 410 });
  });

export const action = ({ request, params, context }: ActionFunctionArgs) =>
  handled(async () => {
    const visit = await visitContext(request, context);
    return dispatch(
      request,
      visit,
      {
        confirm: intent({
          run: (visit) => ({
            ok: true as const,
            confirmed: account.confirmEmailChange(visit, context.runtime.config.SESSION_SECRET, params.token ?? ""),
          }),
        }),
      },
      { fallback: "confirm" },
    );
  });

export default function ConfirmEmail() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (result?.ok) {
    return (
      <div className="narrow">
        <h1>Your email address is changed</h1>
        <div className="notice notice-success" role="status">
          <p>From now on, log in with {result.confirmed.newEmail}. Email from Alongside comes to this address.</p>
        </div>
        <p>
          <Link to="/account">Go to your account</Link>
        </p>
      </div>
    );
  }
  const problem = result && !result.ok ? (result.errors.link ?? result.errors.form) : undefined;
  if (!page.ok || problem) {
    return (
      <div className="narrow">
        <h1>This link cannot be used</h1>
        <p>{problem ?? ("message" in page ? page.message : "")}</p>
        <p>
          To change your email address, ask again from <Link to="/account">your account page</Link>.
        </p>
      </div>
    );
  }
  return (
    <div className="narrow">
      <h1>Confirm your new email address</h1>
      <p>
        {"name" in page ? page.name : ""}, confirm that you want to log in with{" "}
        <strong>{"newEmail" in page ? page.newEmail : ""}</strong> from now on.
      </p>
      <Form method="post">
        <div className="actions">
          <button type="submit" name="intent" value="confirm">
            Confirm my new email address
          </button>
        </div>
      </Form>
    </div>
  );
}
