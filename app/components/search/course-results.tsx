import { Link } from "@remix-run/react";
import { Marked, type Segment } from "./marked";

type Result = { id: string; status: string; title: Segment[]; summary: Segment[]; modules: Segment[] };

/** The course list's search results: each course's title, description and the module titles that matched. */
export function CourseResults({
  query,
  results,
  statusLabel,
}: {
  query: string;
  results: Result[];
  statusLabel: Record<string, string>;
}) {
  return (
    <section aria-labelledby="course-results-title">
      <h2 id="course-results-title" className="h3">
        {results.length === 0
          ? `No courses match “${query}”`
          : `${results.length} ${results.length === 1 ? "course matches" : "courses match"} “${query}”`}
      </h2>
      {results.length > 0 ? (
        <ul className="module-list">
          {results.map((c) => (
            <li key={c.id} className="card">
              <h3>
                <Link to={`/courses/${c.id}`}>
                  <Marked segments={c.title} />
                </Link>
              </h3>
              <p className="module-tags">
                <span className="badge badge-accent">{statusLabel[c.status]}</span>
              </p>
              {c.summary.length > 0 ? (
                <p>
                  <Marked segments={c.summary} />
                </p>
              ) : null}
              {c.modules.length > 0 ? (
                <p className="muted">
                  Modules: <Marked segments={c.modules} />
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>Try fewer or shorter words.</p>
      )}
      <p>
        <Link to="/courses">Show all courses</Link>
      </p>
    </section>
  );
}
