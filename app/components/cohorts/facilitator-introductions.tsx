type Facilitator = { userId: string; name: string; pronouns: string; livedExperience: string; bio: string };

/**
 * Each facilitator of a cohort as learners meet them before they join or begin: name and pronouns,
 * the lived experience they chose to share in their own words, and the trainer's short note.
 */
export function FacilitatorIntroductions({ facilitators }: { facilitators: Facilitator[] }) {
  if (facilitators.length === 0) return <p>No facilitator has been named for this cohort yet.</p>;
  return (
    <ul className="facilitators">
      {facilitators.map((f) => (
        <li key={f.userId}>
          <p>
            <strong>{f.name}</strong>
            {f.pronouns ? ` (${f.pronouns})` : ""}
            {f.bio ? `: ${f.bio}` : ""}
          </p>
          {f.livedExperience ? (
            <blockquote>
              <p className="muted">In their own words:</p>
              <p>{f.livedExperience}</p>
            </blockquote>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
