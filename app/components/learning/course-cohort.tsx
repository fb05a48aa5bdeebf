import { FacilitatorIntroductions } from "~/components/cohorts/facilitator-introductions";
import { formatDate } from "~/components/layout";
import { PageForm, PageLink } from "~/components/page-links";

type Cohort = {
  id: string;
  name: string;
  startsOn: string;
  endsOn: string | null;
  facilitators: Parameters<typeof FacilitatorIntroductions>[0]["facilitators"];
  assignmentId: string;
  selfPacedRoute: boolean;
  selfPaced: boolean;
};

/**
 * On a learner's course card: the cohort that gave it, its dates, its format and who facilitates it,
 * and, where the trainer offers one, the self-paced route to take instead (never asking why).
 */
export function CourseCohort({ cohort, title }: { cohort: Cohort; title: string }) {
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
        .{" "}
        {cohort.selfPaced
          ? "Format: you are taking the self-paced route, on your own and at your own pace."
          : "Format: live sessions with the facilitators."}
      </p>
      {cohort.selfPaced || cohort.selfPacedRoute ? (
        <PageForm method="post" className="inline-form">
          <input type="hidden" name="assignmentId" value={cohort.assignmentId} />
          <input type="hidden" name="route" value={cohort.selfPaced ? "live" : "self_paced"} />
          <button type="submit" name="intent" value="route" className="button-secondary small">
            {cohort.selfPaced ? "Go back to the live sessions" : "Take the self-paced route instead"}
            <span className="visually-hidden"> for {title}</span>
          </button>
        </PageForm>
      ) : null}
      <p>
        <PageLink to={`/learn/move/${cohort.id}`}>
          Ask to move to another cohort<span className="visually-hidden"> from {cohort.name}</span>
        </PageLink>{" "}
        <span className="muted">(private: only trainers see it)</span>
      </p>
    </div>
  );
}
