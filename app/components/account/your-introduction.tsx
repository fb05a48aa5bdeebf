import { Form } from "@remix-run/react";
import { ErrorSummary, Field, type FormState } from "~/components/form";

const LABELS = { pronouns: "Pronouns", livedExperience: "Your lived experience" };

/**
 * What learners read about a facilitator before they join: written here by the person alone, and
 * shared by every cohort they facilitate.
 */
export function YourIntroduction({
  introduction,
  state,
}: {
  introduction: { pronouns: string; livedExperience: string };
  state: FormState;
}) {
  return (
    <section className="card" aria-labelledby="introduction-title">
      <h2 id="introduction-title">How learners meet you</h2>
      <p>
        When you facilitate a cohort, learners see your name and what you write here before they join it, so they can
        choose the group that feels safe for them. Share only what you want to; both can stay empty.
      </p>
      <Form method="post" className="stack" noValidate>
        <ErrorSummary state={state} labels={LABELS} />
        <Field
          label={LABELS.pronouns}
          name="pronouns"
          state={state}
          defaultValue={introduction.pronouns}
          hint="For example she/her, he/him or they/them."
          maxLength={40}
        />
        <Field
          label={LABELS.livedExperience}
          name="livedExperience"
          state={state}
          defaultValue={introduction.livedExperience}
          hint="In your own words, the lived experience you choose to share. At most 600 characters."
          multiline
          maxLength={600}
        />
        <div className="actions">
          <button type="submit" name="intent" value="introduction">
            Save how learners meet you
          </button>
        </div>
      </Form>
    </section>
  );
}
