import { FacilitatorIntroductions } from "~/components/cohorts/facilitator-introductions";
import { formatDate } from "~/components/layout";

const FORMATS = {
  live: "live sessions with the facilitators.",
  either: "live sessions with the facilitators, or self-paced on your own if you prefer (you choose after joining).",
};

type Cohort = {
  name: string;
  description: string;
  startsOn: string;
  endsOn: string | null;
  courses: { assignmentId: string; title: string; dueOn: string | null; selfPacedRoute: boolean }[];
  facilitators: Parameters<typeof FacilitatorIntroductions>[0]["facilitators"];
};

/** The cohort an invitation leads into, told in full before anyone decides to join it. */
export function AboutTheCohort({ cohort }: { cohort: Cohort }) {
  return (
    <section className="card" aria-labelledby="cohort-title">
      <h2 id="cohort-title">The cohort: {cohort.name}</h2>
      {cohort.description ? <p>{cohort.description}</p> : null}
      <dl className="facts">
        <dt>Dates</dt>
        <dd>
          {cohort.endsOn
            ? `${formatDate(cohort.startsOn)} to ${formatDate(cohort.endsOn)}`
            : `From ${formatDate(cohort.startsOn)}`}
        </dd>
        <dt>Training</dt>
        <dd>
          {cohort.courses.length === 0 ? (
            "No training has been given to this cohort yet."
          ) : (
            <ul>
              {cohort.courses.map((c) => (
                <li key={c.assignmentId}>
                  {c.title}
                  {c.dueOn ? `, to finish by ${formatDate(c.dueOn)}` : ""}. Format:{" "}
                  {c.selfPacedRoute ? FORMATS.either : FORMATS.live}
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
      <h3>Who facilitates it</h3>
      <FacilitatorIntroductions facilitators={cohort.facilitators} />
    </section>
  );
}
