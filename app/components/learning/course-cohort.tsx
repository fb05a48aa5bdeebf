import { FacilitatorIntroductions } from "~/components/cohorts/facilitator-introductions";
import { formatDate } from "~/components/layout";

type Cohort = {
  name: string;
  startsOn: string;
  endsOn: string | null;
  facilitators: Parameters<typeof FacilitatorIntroductions>[0]["facilitators"];
};

/** On a learner's course card: the cohort that gave it, its dates, its format and who facilitates it. */
export function CourseCohort({ cohort }: { cohort: Cohort }) {
  return (
    <div className="cohort-info">
      <p>
        With your group, <strong>{cohort.name}</strong>
        {cohort.facilitators.length > 0 ? ", facilitated by:" : "."}
      </p>
      {cohort.facilitators.length > 0 ? <FacilitatorIntroductions facilitators={cohort.facilitators} /> : null}
      <p>
        {cohort.endsOn
          ? `${formatDate(cohort.startsOn)} to ${formatDate(cohort.endsOn)}`
          : `From ${formatDate(cohort.startsOn)}`}
        . Format: live sessions with the facilitators.
      </p>
    </div>
  );
}
