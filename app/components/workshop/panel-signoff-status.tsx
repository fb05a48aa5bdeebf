import { formatDateTime } from "../layout";

export type PanelKindState = {
  state: "signed_off" | "stale" | "changes_requested" | "waiting";
  name: string | null;
  revision: number | null;
  at: string | Date | null;
  answers: { id: string; question: string; answer: "yes" | "not_yet" | "not_applicable" | null; note: string }[] | null;
};

const KIND_NAMES = { panel: "Lived-experience panel", safeguarding: "Safeguarding reviewer" } as const;

const STATE_TEXT = {
  signed_off: "Signed off the current revision",
  stale: "Signed off an earlier revision: the module has changed since",
  changes_requested: "Asked for changes",
  waiting: "Still to come",
} as const;

export const ANSWER_TEXT = { yes: "Yes", not_yet: "Not yet", not_applicable: "Not applicable" } as const;

/**
 * Where the panel's and safeguarding's sign-offs stand: who signed, when, for which revision, and for
 * the people writing the module the rubric answers and notes.
 */
export function PanelSignoffStatus({
  required,
  kinds,
  gate,
}: {
  required: boolean;
  kinds: Record<keyof typeof KIND_NAMES, PanelKindState>;
  gate: string | null;
}) {
  return (
    <section className="card" aria-labelledby="panel-status-title">
      <h2 id="panel-status-title">Panel and safeguarding sign-off</h2>
      {gate ? (
        <p className="notice notice-info">{gate}</p>
      ) : required ? (
        <p>The lived-experience panel and a safeguarding reviewer have both signed off the current revision.</p>
      ) : (
        <p className="muted">Your organisation does not require these sign-offs before publishing.</p>
      )}
      <table>
        <caption className="visually-hidden">Sign-off by the panel and by safeguarding</caption>
        <thead>
          <tr>
            <th scope="col">Who</th>
            <th scope="col">Sign-off</th>
          </tr>
        </thead>
        <tbody>
          {(Object.keys(KIND_NAMES) as (keyof typeof KIND_NAMES)[]).map((kind) => {
            const k = kinds[kind];
            return (
              <tr key={kind} data-state={k.state}>
                <th scope="row">
                  {KIND_NAMES[kind]}
                  {k.name ? <span className="muted"> · {k.name}</span> : null}
                </th>
                <td>
                  <span className={k.state === "signed_off" ? "badge badge-accent" : "badge"}>
                    {STATE_TEXT[k.state]}
                  </span>
                  {k.revision && k.state !== "waiting" ? <span className="muted"> (revision {k.revision})</span> : null}
                  {k.at ? <span className="muted"> · {formatDateTime(k.at)}</span> : null}
                  {k.answers ? (
                    <details>
                      <summary>Rubric answers and notes</summary>
                      <dl>
                        {k.answers.map((a) => (
                          <div key={a.id}>
                            <dt>{a.question}</dt>
                            <dd>
                              {a.answer ? ANSWER_TEXT[a.answer] : "Not answered"}
                              {a.note ? <p className="note">“{a.note}”</p> : null}
                            </dd>
                          </div>
                        ))}
                      </dl>
                    </details>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
