import { Link } from "@remix-run/react";
import { Marked, type Segment } from "./marked";

type Result = {
  id: string;
  title: Segment[];
  summary: Segment[];
  excerpt: Segment[];
  topic: string;
  customTopic: string;
  status: string;
  myRole: string | null;
};

/** The Workshop's search results: each module's title, summary and the lines of text that matched. */
export function ModuleResults({
  query,
  results,
  topicLabel,
  statusLabel,
}: {
  query: string;
  results: Result[];
  topicLabel: Record<string, string>;
  statusLabel: Record<string, string>;
}) {
  return (
    <section aria-labelledby="results-title">
      <h2 id="results-title" className="h3">
        {results.length === 0
          ? `No modules match “${query}”`
          : `${results.length} ${results.length === 1 ? "module matches" : "modules match"} “${query}”`}
      </h2>
      {results.length === 0 ? (
        <p>
          Try fewer or shorter words, or <Link to="/workshop">show all modules</Link>.
        </p>
      ) : (
        <ul className="module-list">
          {results.map((m) => (
            <li key={m.id} className="card">
              <h3 className="h3">
                <Link to={`/workshop/${m.id}`}>
                  <Marked segments={m.title} />
                </Link>
              </h3>
              <p className="module-tags">
                <span className="badge">{m.topic === "other" ? m.customTopic : topicLabel[m.topic]}</span>{" "}
                <span className="badge badge-accent">{statusLabel[m.status]}</span>{" "}
                {m.myRole ? <span className="badge">You: {m.myRole.replace("_", "-")}</span> : null}
              </p>
              {m.summary.length > 0 ? (
                <p>
                  <Marked segments={m.summary} />
                </p>
              ) : null}
              {m.excerpt.length > 0 ? (
                <p className="muted">
                  <Marked segments={m.excerpt} />
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to="/workshop">Show all modules</Link>
      </p>
    </section>
  );
}
