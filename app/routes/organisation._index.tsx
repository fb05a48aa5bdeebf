import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { formatDate, Notice } from "~/components/layout";
import { requireContext } from "~/lib/auth.server";
import { organisations } from "~/lib/domain.server";
import { handled } from "~/lib/http.server";
import { ROLE_LABELS } from "~/lib/roles";

export const meta: MetaFunction = () => [{ title: "Members · Alongside" }];

export const loader = ({ request, context }: LoaderFunctionArgs) =>
  handled(async () => {
    const ctx = await requireContext(request, context);
    return { members: organisations.members(ctx), me: ctx.actor.membershipId };
  });

export default function Members() {
  const { members, me } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <>
      {params.get("welcome") ? (
        <Notice tone="success">
          Your organisation is ready. Give yourself the other roles you need below, then invite people from Invitations.
        </Notice>
      ) : null}
      {params.get("removed") ? <Notice tone="success">That person is no longer a member.</Notice> : null}
      <div className="table-wrap">
        <table>
          <caption>{members.length === 1 ? "1 member" : `${members.length} members`}</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Roles</th>
              <th scope="col">Joined</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.membershipId}>
                <td>
                  {m.name}
                  {m.membershipId === me ? <span className="muted"> (you)</span> : null}
                </td>
                <td>{m.email}</td>
                <td>{m.roles.map((r) => ROLE_LABELS[r]).join(", ") || <span className="muted">No roles</span>}</td>
                <td>{formatDate(m.joinedAt)}</td>
                <td>
                  <Link to={`/organisation/members/${m.membershipId}`}>
                    Change<span className="visually-hidden"> roles for {m.name}</span>
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
