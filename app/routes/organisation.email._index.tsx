import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DeliveryStatus } from "~/components/email/delivery-status";
import { formatDateTime } from "~/components/layout";
import { requireContext } from "~/lib/auth.server";
import { email } from "~/lib/domain.server";
import { handled } from "~/lib/http.server";

export const meta: MetaFunction = () => [{ title: "Outgoing email · Alongside" }];

export const loader = ({ request, context }: LoaderFunctionArgs) =>
  handled(async () => ({ messages: email.outgoingEmail(await requireContext(request, context)) }));

export default function OutgoingEmail() {
  const { messages } = useLoaderData<typeof loader>();
  return (
    <>
      <h2>Outgoing email</h2>
      <p>
        The email Alongside sends in your organisation's name, newest first. Email that cannot be sent yet waits here
        and is tried again; nothing is lost.
      </p>
      {messages.length === 0 ? (
        <p>No email yet.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Outgoing email</caption>
            <thead>
              <tr>
                <th scope="col">Message</th>
                <th scope="col">To</th>
                <th scope="col">Queued</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {messages.map((m) => (
                <tr key={m.id}>
                  <td>
                    <Link to={`/organisation/email/${m.id}`}>{m.subject}</Link>
                    <br />
                    <span className="muted">{m.kind}</span>
                  </td>
                  <td>{m.to}</td>
                  <td>{formatDateTime(m.createdAt)}</td>
                  <td>
                    <DeliveryStatus delivery={m.delivery} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
