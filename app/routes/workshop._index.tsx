import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { EmptyState, formatDateTime, PageHeader } from "~/components/layout";
import { ModuleResults } from "~/components/search/module-results";
import { SearchField } from "~/components/search/search-field";
import { ReviewRequestsForMe } from "~/components/workshop/review-requests-for-me";
import { requireContext } from "~/lib/auth.server";
import { reviewRequests, search, workshop } from "~/lib/domain.server";
import { handled } from "~/lib/http.server";

export const meta: MetaFunction = () => [{ title: "Workshop · Alongside" }];

export const loader = ({ request, context }: LoaderFunctionArgs) =>
  handled(async () => {
    const ctx = await requireContext(request, context);
    const params = new URL(request.url).searchParams;
    const filters = workshop.moduleFiltersSchema.parse({
      topic: params.get("topic") ?? undefined,
      status: params.get("status") ?? undefined,
      mine: params.get("mine") ?? undefined,
    });
    const query = search.searchQuerySchema.parse(params.get("q"));
    const { modules, canCreate } = workshop.listModules(ctx, filters);
    return {
      modules,
      filters,
      query: { text: query.text, trimmed: query.trimmed, maxLength: search.MAX_QUERY_LENGTH },
      results: query.text ? search.searchModules(ctx, query, filters) : null,
      canCreate,
      askedToReview: reviewRequests.myReviewRequests(ctx),
      topics: workshop.MODULE_TOPICS.map((t) => ({ value: t, label: workshop.TOPIC_LABELS[t] })),
      statuses: workshop.MODULE_STATUSES.map((s) => ({ value: s, label: workshop.STATUS_LABELS[s] })),
    };
  });

export default function Workshop() {
  const { modules, filters, query, results, canCreate, askedToReview, topics, statuses } =
    useLoaderData<typeof loader>();
  const topicLabel = Object.fromEntries(topics.map((t) => [t.value, t.label]));
  const statusLabel = Object.fromEntries(statuses.map((s) => [s.value, s.label]));
  const filtered = Boolean(filters.topic || filters.status || filters.mine);
  return (
    <>
      <PageHeader
        title="Workshop"
        lead="Where training is written together, by the people it is for."
        actions={
          canCreate ? (
            <Link to="/workshop/new" className="button">
              New module
            </Link>
          ) : null
        }
      />
      <ReviewRequestsForMe requests={askedToReview} />
      <Form method="get" className="filters" role="search" aria-label="Find modules">
        <SearchField
          id="search-modules"
          label="Search modules"
          value={query.text}
          trimmed={query.trimmed}
          maxLength={query.maxLength}
        />
        <div className="field">
          <label htmlFor="filter-topic">Topic</label>
          <select id="filter-topic" name="topic" defaultValue={filters.topic ?? ""}>
            <option value="">All topics</option>
            {topics.map((t) => (
              <option key={t.value} value={t.value}>
                {t.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-status">Status</label>
          <select id="filter-status" name="status" defaultValue={filters.status ?? ""}>
            <option value="">Not archived</option>
            {statuses.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
        <div className="checkbox">
          <input type="checkbox" id="filter-mine" name="mine" value="1" defaultChecked={filters.mine} />
          <label htmlFor="filter-mine">Only modules I work on</label>
        </div>
        <button type="submit" className="button-secondary">
          Show modules
        </button>
      </Form>
      {results ? (
        <ModuleResults query={query.text} results={results} topicLabel={topicLabel} statusLabel={statusLabel} />
      ) : modules.length === 0 ? (
        <EmptyState title={filtered ? "No modules match" : "No modules yet"}>
          {filtered ? (
            <p>
              Try other filters, or <Link to="/workshop">show all modules</Link>.
            </p>
          ) : canCreate ? (
            <p>
              Start a <Link to="/workshop/new">new module</Link>, or begin from one of the starter modules and make it
              your own.
            </p>
          ) : (
            <p>When a facilitator invites you to work on a module, it will appear here.</p>
          )}
        </EmptyState>
      ) : (
        <ul className="module-list">
          {modules.map((m) => (
            <li key={m.id} className="card">
              <h2 className="h3">
                <Link to={`/workshop/${m.id}`}>{m.title}</Link>
              </h2>
              <p className="module-tags">
                <span className="badge">{m.topic === "other" ? m.customTopic : topicLabel[m.topic]}</span>{" "}
                <span className="badge badge-accent">{statusLabel[m.status]}</span>{" "}
                {m.myRole ? <span className="badge">You: {m.myRole.replace("_", "-")}</span> : null}
              </p>
              {m.summary ? <p>{m.summary}</p> : null}
              <p className="muted">
                {m.sectionCount ?? 0} sections · {m.wordCount ?? 0} words · about {m.estimatedMinutes} minutes
                {m.lastEditedAt ? ` · last edited ${formatDateTime(m.lastEditedAt)}` : ""}
                {m.lastEditedBy ? ` by ${m.lastEditedBy}` : ""}
                {m.originCredit ? ` · from ${m.originCredit}` : ""}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
