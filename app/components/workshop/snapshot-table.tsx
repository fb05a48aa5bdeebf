import { Form, Link } from "@remix-run/react";
import { formatDateTime } from "../layout";

const KIND_TEXT = {
  manual: "Snapshot",
  review: "Review started",
  publish: "Published",
  before_restore: "Kept before a restore",
  withdrawal: "A story withdrawn",
} as const;

type Snapshot = {
  id: string;
  name: string;
  kind: keyof typeof KIND_TEXT;
  revision: number;
  createdAt: string | Date;
  createdBy: string | null;
};

/** The module's snapshots, newest first, each to open, and two of them (or the module now) to compare. */
export function SnapshotTable({ moduleId, snapshots }: { moduleId: string; snapshots: Snapshot[] }) {
  if (snapshots.length === 0) {
    return (
      <p>
        No snapshots yet. One is taken when review starts and at each publish; you can take one whenever you want to
        mark a moment.
      </p>
    );
  }
  return (
    <Form method="get" action={`/workshop/${moduleId}/history/compare`}>
      {/* Four columns are wider than a phone: the table scrolls, never the page. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls must be reachable by keyboard */}
      <section className="table-wrap" aria-label="Snapshots" tabIndex={0}>
        <table>
          <caption className="visually-hidden">Snapshots of this module, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Taken</th>
              <th scope="col">Compare from</th>
              <th scope="col">Compare to</th>
            </tr>
          </thead>
          <tbody>
            {snapshots.map((s, i) => (
              <tr key={s.id}>
                <td>
                  <Link to={`/workshop/${moduleId}/history/${s.id}`}>{s.name}</Link>
                  <br />
                  <span className="muted">
                    {KIND_TEXT[s.kind]} · revision {s.revision}
                  </span>
                </td>
                <td>
                  {formatDateTime(s.createdAt)}
                  <br />
                  <span className="muted">by {s.createdBy ?? "a former member"}</span>
                </td>
                <td>
                  <input
                    type="radio"
                    name="from"
                    value={s.id}
                    defaultChecked={i === 1 || (snapshots.length === 1 && i === 0)}
                    aria-label={`Compare from ${s.name}`}
                  />
                </td>
                <td>
                  <input
                    type="radio"
                    name="to"
                    value={s.id}
                    defaultChecked={i === 0}
                    aria-label={`Compare to ${s.name}`}
                  />
                </td>
              </tr>
            ))}
            <tr>
              <td>
                <strong>The module now</strong>
              </td>
              <td />
              <td />
              <td>
                <input type="radio" name="to" value="current" aria-label="Compare to the module now" />
              </td>
            </tr>
          </tbody>
        </table>
      </section>
      <div className="actions">
        <button type="submit" className="button-secondary">
          Compare the two chosen versions
        </button>
      </div>
    </Form>
  );
}
