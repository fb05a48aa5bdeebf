import { Form } from "@remix-run/react";
import { formatDate } from "~/components/layout";

type Request = { id: string; name: string; toCohortName: string; reason: string; createdAt: Date | string };

/**
 * Learners of this cohort who asked, privately, to move to another: what they wrote, if anything, is
 * for the trainers alone. Moving them keeps everything they have done.
 */
export function MoveRequests({ requests }: { requests: Request[] }) {
  if (requests.length === 0) return null;
  return (
    <section className="card" aria-labelledby="move-requests-title">
      <h2 id="move-requests-title">Asked to move</h2>
      <p className="hint">Only trainers see these requests. Moving someone keeps their progress.</p>
      <ul className="plain-list stack">
        {requests.map((r) => (
          <li key={r.id}>
            <p>
              <strong>{r.name}</strong> asked on {formatDate(r.createdAt)} to move to <strong>{r.toCohortName}</strong>.
            </p>
            {r.reason ? (
              <blockquote>
                <p>{r.reason}</p>
              </blockquote>
            ) : (
              <p className="muted">They gave no reason, and none is needed.</p>
            )}
            <Form method="post" className="actions">
              <input type="hidden" name="requestId" value={r.id} />
              <button type="submit" name="intent" value="move" className="small">
                Move {r.name} to {r.toCohortName}
              </button>
              <button type="submit" name="intent" value="keep" className="button-quiet small">
                Keep {r.name} here
              </button>
            </Form>
          </li>
        ))}
      </ul>
    </section>
  );
}
