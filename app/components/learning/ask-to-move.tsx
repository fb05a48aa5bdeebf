import { FacilitatorIntroductions } from "~/components/cohorts/facilitator-introductions";
import { ErrorSummary, Field, type FormState, fieldValue } from "~/components/form";
import { formatDate } from "~/components/layout";
import { PageForm, PageLink } from "~/components/page-links";

type Cohort = {
  id: string;
  name: string;
  startsOn: string;
  endsOn: string | null;
  courses: { assignmentId: string; title: string }[];
  facilitators: Parameters<typeof FacilitatorIntroductions>[0]["facilitators"];
};

const LABELS = { toCohortId: "Cohort to move to", reason: "Anything you want the trainers to know (optional)" };

/**
 * A learner's private request to move cohort: each cohort still running with who facilitates it, and
 * a reason they may give or leave out. Works as a plain form, without JavaScript.
 */
export function AskToMove({ cohorts, asked, state }: { cohorts: Cohort[]; asked: string | null; state: FormState }) {
  if (cohorts.length === 0) {
    return (
      <p>
        There is no other cohort running that you could move to right now. You can talk to your trainer, or{" "}
        <PageLink to="/learn">go back to My learning</PageLink>.
      </p>
    );
  }
  const chosen = fieldValue(state, "toCohortId", asked ?? "");
  const error = state?.errors?.toCohortId;
  return (
    <PageForm method="post" className="stack" noValidate>
      <ErrorSummary state={state} labels={LABELS} />
      <fieldset className={error ? "field field-error" : "field"} aria-describedby={error ? "to-error" : undefined}>
        <legend>{LABELS.toCohortId}</legend>
        {error ? (
          <p className="error-message" id="to-error">
            {error}
          </p>
        ) : null}
        {cohorts.map((c) => (
          <div key={c.id} className="card">
            <label>
              <input type="radio" name="toCohortId" value={c.id} defaultChecked={chosen === c.id} />{" "}
              <strong>{c.name}</strong>,{" "}
              {c.endsOn ? `${formatDate(c.startsOn)} to ${formatDate(c.endsOn)}` : `from ${formatDate(c.startsOn)}`}
            </label>
            {c.courses.length > 0 ? <p>Training: {c.courses.map((course) => course.title).join(", ")}.</p> : null}
            <FacilitatorIntroductions facilitators={c.facilitators} />
          </div>
        ))}
      </fieldset>
      <Field
        label={LABELS.reason}
        name="reason"
        state={state}
        multiline
        maxLength={1000}
        hint="You do not need to give a reason. If you write one, only the trainers see it."
      />
      <div className="actions">
        <button type="submit" name="intent" value="ask">
          Ask to move
        </button>
        <PageLink to="/learn">Cancel</PageLink>
      </div>
    </PageForm>
  );
}
