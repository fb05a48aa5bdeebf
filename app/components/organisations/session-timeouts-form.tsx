import { Form } from "@remix-run/react";
import { ErrorSummary, Field, type FormState } from "~/components/form";

type Timeouts = {
  idleTimeoutMinutes: number;
  absoluteLifetimeDays: number;
  defaults: { idleTimeoutMinutes: number; absoluteLifetimeDays: number };
};

/** The organisation's two limits on sessions, with what each means in plain words. */
export function SessionTimeoutsForm({ timeouts, state }: { timeouts: Timeouts; state: FormState }) {
  return (
    <section className="card" aria-labelledby="timeouts-title">
      <h2 id="timeouts-title">How long people stay signed in</h2>
      <p>
        These apply to everyone while they work in this organisation. Shorter is safer on shared computers, such as at a
        drop-in centre.
      </p>
      <Form method="post" className="stack" noValidate>
        <ErrorSummary state={state} />
        <Field
          label="Sign out after this many minutes without use"
          name="idleTimeoutMinutes"
          inputMode="numeric"
          state={state}
          defaultValue={String(timeouts.idleTimeoutMinutes)}
          hint={`From 5 to 480 minutes. The default is ${timeouts.defaults.idleTimeoutMinutes}. It does not apply to someone who chose "Keep me signed in".`}
          required
          maxLength={6}
        />
        <Field
          label="Sign everyone out after this many days, whatever they do"
          name="absoluteLifetimeDays"
          inputMode="numeric"
          state={state}
          defaultValue={String(timeouts.absoluteLifetimeDays)}
          hint={`From 1 to 90 days. The default is ${timeouts.defaults.absoluteLifetimeDays}.`}
          required
          maxLength={6}
        />
        <div className="actions">
          <button type="submit" name="intent" value="timeouts">
            Save
          </button>
        </div>
      </Form>
    </section>
  );
}
