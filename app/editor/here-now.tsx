export type Person = { clientId: number; id: string; name: string; color: string; isMe: boolean; away?: boolean };

/**
 * Who has this module open right now, each in their caret colour. One entry per person, not per tab.
 * Someone who stepped out of a session shows as away, and nothing more: no one is told why.
 */
export function HereNow({ people }: { people: Person[] }) {
  const byPerson = new Map<string, Person>();
  for (const person of people) {
    const existing = byPerson.get(person.id);
    if (!existing || person.isMe) byPerson.set(person.id, person);
  }
  const unique = [...byPerson.values()].sort((a, b) => Number(b.isMe) - Number(a.isMe) || a.name.localeCompare(b.name));
  return (
    <section className="here-now" aria-label="Here now">
      <h2 className="here-now-title">Here now</h2>
      <ul>
        {unique.map((p) => (
          <li key={p.clientId}>
            <span className="presence-dot" style={{ backgroundColor: p.color }} aria-hidden="true" />
            {p.name}
            {p.isMe ? <span className="muted"> (you)</span> : null}
            {p.away ? <span className="muted"> (away)</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
