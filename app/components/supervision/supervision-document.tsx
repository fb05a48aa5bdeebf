/** What a supervision page says, the same on screen, in print, in the HTML download and in a shared copy. */
export type SupervisionDocumentProps = {
  title: string;
  points: string;
  entries: { prompt: string; context: string; body: string }[];
};

export function SupervisionDocument({ title, points, entries }: SupervisionDocumentProps) {
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
    </article>
  );
}
