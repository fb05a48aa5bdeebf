import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { EmptyState, formatDateTime, PageHeader } from "~/components/layout";
import { requireContext } from "~/lib/auth.server";
import { supervision } from "~/lib/domain.server";
import { handled } from "~/lib/http.server";

export const meta: MetaFunction = () => [{ title: "Shared with me · Alongside" }];

export const loader = ({ request, context }: LoaderFunctionArgs) =>
  handled(async () => ({ shared: supervision.sharedWithMe(await requireContext(request, context)) }));

export default function SharedWithMe() {
  const { shared } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title="Shared with me"
        lead="Supervision pages learners chose to share with you. Each is theirs: they can stop sharing at any time."
      />
      {shared.length === 0 ? (
        <EmptyState title="Nothing is shared with you">
          <p>When a learner shares a page to bring to supervision with you, it appears here.</p>
        </EmptyState>
      ) : (
        <ul className="plain-list stack">
          {shared.map((s) => (
            <li key={s.id} className="card">
              <h2 className="h3">
                <Link to={`/shared-with-me/${s.id}`}>
                  {s.title}
                  <span className="visually-hidden"> from {s.learnerName}</span>
                </Link>
              </h2>
              <p className="muted">
                From {s.learnerName}, shared {formatDateTime(s.sharedAt)}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
