import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { EmptyState, formatDate, Notice, PageHeader } from "~/components/layout";
import { requireContext } from "~/lib/auth.server";
import { learning } from "~/lib/domain.server";
import { handled } from "~/lib/http.server";

export const meta: MetaFunction = () => [{ title: "My reflection journal · Alongside" }];

export const loader = ({ request, context }: LoaderFunctionArgs) =>
  handled(async () => {
    return { entries: learning.listJournal(await requireContext(request, context)) };
  });

export default function Journal() {
  const { entries } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <>
      <p>
        <Link to="/learn">Back to my learning</Link>
      </p>
      <PageHeader
        title="My reflection journal"
        lead="Private to you. Trainers and facilitators never see it. You could take it to supervision, if you want to."
      />
      {params.get("deleted") ? <Notice tone="success">That entry is deleted.</Notice> : null}
      {params.get("saved") ? <Notice tone="success">Your entry is saved.</Notice> : null}
      {entries.length > 0 ? (
        <p>
          <a href="/learn/journal/export" download>
            Download my journal (a text file)
          </a>
        </p>
      ) : null}
      {entries.length === 0 ? (
        <EmptyState title="No entries yet">
          <p>When a course asks you to reflect, what you write is kept here for you alone.</p>
        </EmptyState>
      ) : (
        <ol className="plain-list journal">
          {entries.map((e) => (
            <li key={e.id} className="card">
              <h2 className="h3">{e.prompt}</h2>
              <p className="muted">
                {e.context} · {formatDate(e.updatedAt)}
              </p>
              <p className="journal-body">{e.body}</p>
              <Link to={`/learn/journal/${e.id}`}>
                Edit or delete<span className="visually-hidden"> the entry “{e.prompt}”</span>
              </Link>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
