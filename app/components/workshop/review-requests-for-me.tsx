import { Link } from "@remix-run/react";
import { formatDate } from "~/components/layout";

type Request = { id: string; moduleId: string; moduleTitle: string; dueOn: string; askedBy: string };

/** The reviews the person was asked for and has not answered, at the top of the Workshop. */
export function ReviewRequestsForMe({ requests }: { requests: Request[] }) {
  if (requests.length === 0) return null;
  return (
    <section className="card" aria-labelledby="asked-to-review-title">
      <h2 id="asked-to-review-title" className="h3">
        Reviews you have been asked for
      </h2>
      <ul>
        {requests.map((r) => (
          <li key={r.id}>
            <Link to={`/workshop/${r.moduleId}/review`}>{r.moduleTitle}</Link>, by {formatDate(r.dueOn)} (asked by{" "}
            {r.askedBy})
          </li>
        ))}
      </ul>
    </section>
  );
}
