import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, useSearchParams } from "@remix-run/react";
import { EmptyState, formatDate, formatDateTime, Notice, PageHeader } from "~/components/layout";
import { PageLink } from "~/components/page-links";
import { requireContext } from "~/lib/auth.server";
import { supervision } from "~/lib/domain.server";
import { handled } from "~/lib/http.server";

export const meta: MetaFunction = () => [{ title: "For my supervision · Alongside" }];

export const loader = ({ request, context }: LoaderFunctionArgs) =>
  handled(async () => {
    const ctx = await requireContext(request, context);
    return { pages: supervision.mySupervisionPages(ctx), history: supervision.shareHistory(ctx) };
  });

export default function SupervisionPages() {
  const { pages, history } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <>
      <p>
        <PageLink to="/learn/journal">Back to my journal</PageLink>
      </p>
      <PageHeader
        title="For my supervision"
        lead="Pages you make from your journal to take to supervision. Private to you unless you share one."
      />
      {params.get("deleted") ? <Notice tone="success">That supervision page is deleted.</Notice> : null}
      {pages.length === 0 ? (
        <EmptyState title="No supervision pages yet">
          <p>
            In <PageLink to="/learn/journal">your journal</PageLink>, tick the entries you want to bring and write the
            points you want to raise.
          </p>
        </EmptyState>
      ) : (
        <ul className="plain-list stack">
          {pages.map((p) => (
            <li key={p.id} className="card">
              <h2 className="h3">
                <PageLink to={`/learn/supervision/${p.id}`}>{p.title}</PageLink>
              </h2>
              <p className="muted">Last changed {formatDate(p.updatedAt)}</p>
            </li>
          ))}
        </ul>
      )}
      <section aria-labelledby="history-heading">
        <h2 id="history-heading">What you have shared</h2>
        {history.length === 0 ? (
          <p>You have not shared anything with a supervisor.</p>
        ) : (
          <table>
            <caption className="visually-hidden">Each time you shared a page or stopped sharing it</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">What happened</th>
              </tr>
            </thead>
            <tbody>
              {history.map((h) => (
                <tr key={h.id}>
                  <td>{formatDateTime(h.at)}</td>
                  <td>
                    {h.action === "shared"
                      ? `You shared “${h.pageTitle}” with ${h.supervisorName}`
                      : `You stopped sharing “${h.pageTitle}” with ${h.supervisorName}`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
