import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { visitContext } from "~/lib/auth.server";
import { email } from "~/lib/domain.server";
import { handled } from "~/lib/http.server";
import { dispatch, intent } from "~/lib/intents.server";

export const meta: MetaFunction = () => [{ title: "Stop getting these emails · Alongside" }];

/** Opening the link only asks: mail scanners and previews follow links, and a GET changes nothing. */
export const loader = ({ request, params, context }: LoaderFunctionArgs) =>
  handled(async () => {
    const visit = await visitContext(request, context);
    const answer = email.unsubscribePage(visit, context.runtime.config.SESSION_SECRET, params.token ?? "");
    return answer.ok ? answer : data(answer, { status: 400 });
  });

/**
 * The one-click POST of RFC 8058 (a mail client sends `List-Unsubscribe=One-Click`, with no cookie)
 * and the page's button both land here: the signed link is all it takes.
 */
export const action = ({ request, params, context }: ActionFunctionArgs) =>
  handled(async () => {
    const visit = await visitContext(request, context);
    return dispatch(
      request,
      visit,
      {
        unsubscribe: intent({
          run: (visit) => {
            const answer = email.unsubscribe(visit, context.runtime.config.SESSION_SECRET, params.token ?? "");
            return answer.ok ? answer : data(answer, { status: 400 });
          },
        }),
      },
      { fallback: "unsubscribe" },
    );
  });

export default function Unsubscribe() {
  const page = useLoaderData<typeof loader>();
  const done = useActionData<typeof action>();
  const answer = done && "unsubscribed" in done ? done : page;
  if (!answer.ok) {
    return (
      <div className="narrow">
        <h1>This link cannot be used</h1>
        <p>{"message" in answer ? answer.message : ""}</p>
      </div>
    );
  }
  return (
    <div className="narrow">
      <h1>Stop getting these emails</h1>
      {answer.unsubscribed ? (
        <div className="notice notice-success" role="status">
          <p>
            Done. {answer.address} will not get these emails any more: {answer.kind.toLowerCase()}.
          </p>
          <p>Emails you need for your account, such as a password reset, still come.</p>
        </div>
      ) : (
        <Form method="post" className="stack">
          <p>
            Stop sending {answer.kind.toLowerCase()} to {answer.address}? Emails you need for your account, such as a
            password reset, still come.
          </p>
          <div className="actions">
            <button type="submit" name="intent" value="unsubscribe">
              Stop these emails
            </button>
          </div>
        </Form>
      )}
    </div>
  );
}
