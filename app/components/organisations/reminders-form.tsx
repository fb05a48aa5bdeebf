import { Form } from "@remix-run/react";
import { ErrorSummary, Field, type FormState } from "~/components/form";

/** How many days before a due date learners are reminded, on the organisation's settings page. */
export function RemindersForm({ days, state }: { days: number; state: FormState }) {
  return (
    <section className="card" aria-labelledby="reminders-title">
      <h2 id="reminders-title">Reminders of due dates</h2>
      <p>
        A learner who has not finished a course given to their cohort gets one email this many days before it is due,
        and one gentle note after, with a link back to the course. Nobody who has finished it gets either.
      </p>
      <Form method="post" className="stack" noValidate>
        <ErrorSummary state={state} />
        <Field
          label="Days before the due date"
          name="days"
          inputMode="numeric"
          hint="From 0 to 30. The default is 3. 0 sends no reminders and no notes."
          defaultValue={String(days)}
          state={state}
          required
          maxLength={4}
        />
        <div className="actions">
          <button type="submit" name="intent" value="reminders">
            Save reminders
          </button>
        </div>
      </Form>
    </section>
  );
}
