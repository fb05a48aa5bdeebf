import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatDateTime } from "~/components/layout";
import { requireContext } from "~/lib/auth.server";
import { audit } from "~/lib/domain.server";
import { handled } from "~/lib/http.server";

export const meta: MetaFunction = () => [{ title: "Activity log · Alongside" }];

export const loader = ({ request, context }: LoaderFunctionArgs) =>
  handled(async () => ({ events: audit.activityLog(await requireContext(request, context)) }));

export default function Activity() {
  const { events } = useLoaderData<typeof loader>();
  return (
    <div className="table-wrap">
      <table>
        <caption>The last 100 security events in this organisation</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.id}>
              <td>{formatDateTime(e.at)}</td>
              <td>{e.actorName ?? <span className="muted">Someone not signed in</span>}</td>
              <td>
                {e.description}
                {e.requestsPath ? (
                  <>
                    {" "}
                    <Link to={e.requestsPath}>Export or erase the data of {e.memberName ?? "this member"}</Link>
                  </>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
