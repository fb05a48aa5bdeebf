import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DeliveryStatus } from "~/components/email/delivery-status";
import { formatDateTime } from "~/components/layout";
import { requireContext } from "~/lib/auth.server";
import { email } from "~/lib/domain.server";
import { handled, paramId } from "~/lib/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.message.subject ?? "A message"} · Outgoing email · Alongside` },
];

export const loader = ({ request, context, params }: LoaderFunctionArgs) =>
  handled(async () => {
    const ctx = await requireContext(request, context);
    const { config } = context.runtime;
    const links = { origin: config.APP_ORIGIN ?? new URL(request.url).origin, secret: config.SESSION_SECRET };
    return { message: email.outgoingMessage(ctx, paramId(params, "messageId"), links) };
  });

export default function OutgoingMessage() {
  const { message } = useLoaderData<typeof loader>();
  return (
    <article aria-labelledby="message-subject" className="stack">
      <p>
        <Link to="/organisation/email">All outgoing email</Link>
      </p>
      <h2 id="message-subject">{message.subject}</h2>
      <dl className="facts">
        <dt>To</dt>
        <dd>{message.to}</dd>
        <dt>Kind</dt>
        <dd>{message.kind}</dd>
        <dt>Queued</dt>
        <dd>{formatDateTime(message.createdAt)}</dd>
        <dt>Status</dt>
        <dd>
          <DeliveryStatus delivery={message.delivery} />
        </dd>
      </dl>
      {message.privateLink ? (
        <p>This message holds a private link for the person it was sent to alone, so the link is not shown here.</p>
      ) : null}
      <h3>What it says</h3>
      <pre className="email-text">{message.text}</pre>
    </article>
  );
}
