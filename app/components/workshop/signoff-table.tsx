import { formatDateTime } from "../layout";

const STATE_TEXT = {
  signed_off: "Signed off the current revision",
  stale: "Signed off an earlier revision: the module has changed since",
  changes_requested: "Asked for changes",
  waiting: "Not yet",
} as const;

const ROLE_NAMES: Record<string, string> = {
  facilitator: "Facilitator",
  co_designer: "Co-designer",
  reviewer: "Reviewer",
};

type Person = {
  userId: string;
  name: string;
  role: string;
  state: keyof typeof STATE_TEXT;
  revision: number | null;
  note: string;
  at: string | Date | null;
};

/** Everyone's sign-off: each collaborator's latest word on the module, judged against the current revision. */
export function SignoffTable({ people, me }: { people: Person[]; me: string }) {
  return (
    <section className="card" aria-labelledby="people-title">
      <h2 id="people-title">Everyone's sign-off</h2>
      <table>
        <caption className="visually-hidden">Sign-off by each collaborator</caption>
        <thead>
          <tr>
            <th scope="col">Person</th>
            <th scope="col">Role</th>
            <th scope="col">Sign-off</th>
          </tr>
        </thead>
        <tbody>
          {people.map((p) => (
            <tr key={p.userId} data-state={p.state}>
              <td>
                {p.name}
                {p.userId === me ? " (you)" : ""}
              </td>
              <td>{ROLE_NAMES[p.role] ?? p.role}</td>
              <td>
                <span className={p.state === "signed_off" ? "badge badge-accent" : "badge"}>{STATE_TEXT[p.state]}</span>
                {p.revision && p.state !== "waiting" ? <span className="muted"> (revision {p.revision})</span> : null}
                {p.at ? <span className="muted"> · {formatDateTime(p.at)}</span> : null}
                {p.note ? <p className="note">“{p.note}”</p> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
