import { PLAN_PARTS } from "../../../modules/self-care/parts";

/** What a supervision page says, the same on screen, in print, in the HTML download and in a shared copy. */
export type SupervisionDocumentProps = {
  title: string;
  points: string;
  entries: { prompt: string; context: string; body: string }[];
  /** Only there when the learner chose to bring it. */
  selfCarePlan?: { signs: string; helps: string; contacts: string; boundaries: string } | null;
};

export function SupervisionDocument({ title, points, entries, selfCarePlan }: SupervisionDocumentProps) {
  return (
    <article className="supervision-document">
      <h1>{title}</h1>
      <section aria-labelledby="supervision-points">
        <h2 id="supervision-points">What I want to raise</h2>
        <p className="journal-body">{points}</p>
      </section>
      <section aria-labelledby="supervision-entries">
        <h2 id="supervision-entries">From my journal</h2>
        {entries.map((e, i) => (
          // Two entries may answer the same prompt in two courses: the position keeps them apart.
          // biome-ignore lint/suspicious/noArrayIndexKey: entries of a snapshot have no ids
          <section key={i} className="supervision-entry">
            <h3>{e.prompt}</h3>
            {e.context ? <p className="muted">{e.context}</p> : null}
            <p className="journal-body">{e.body}</p>
          </section>
        ))}
      </section>
      {selfCarePlan ? (
        <section aria-labelledby="supervision-self-care">
          <h2 id="supervision-self-care">My self-care plan</h2>
          {PLAN_PARTS.filter((p) => selfCarePlan[p.name]).map((p) => (
            <section key={p.name} className="supervision-entry">
              <h3>{p.label}</h3>
              <p className="journal-body">{selfCarePlan[p.name]}</p>
            </section>
          ))}
        </section>
      ) : null}
    </article>
  );
}
