import { Form } from "@remix-run/react";
import { ErrorSummary, Field, type FormState } from "~/components/form";

export function RetentionForm({ months, state }: { months: number | null; state: FormState }) {
  return (
    <section className="card" aria-labelledby="retention-title">
      <h2 id="retention-title">How long learners' records are kept</h2>
      <p>
        You can have a learner's progress and reflection journal in this organisation removed after they have not been
        active for a while. They are told 30 days before, and anything they do in that time keeps them. Totals, such as
        how many finished a course, still count them, with no name.
      </p>
      <Form method="post" className="stack" noValidate>
        <ErrorSummary state={state} />
        <Field
          label="Months without activity"
          name="months"
          inputMode="numeric"
          hint="Between 6 and 60. Leave it empty to keep records for as long as the account exists."
          defaultValue={months === null ? "" : String(months)}
          state={state}
        />
        <div className="actions">
          <button type="submit" name="intent" value="retention">
            Save
          </button>
        </div>
      </Form>
    </section>
  );
}
