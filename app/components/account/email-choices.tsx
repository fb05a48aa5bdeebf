import { Form } from "@remix-run/react";
import { ErrorSummary, type FormState, fieldValue } from "~/components/form";

type Choices = {
  kinds: { kind: string; label: string; choice: string }[];
  options: { value: string; label: string }[];
};

/** How the person hears of mentions, replies and review requests by email: one question per kind. */
export function EmailChoices({ choices, state }: { choices: Choices; state: FormState }) {
  return (
    <section className="card" aria-labelledby="email-choices-title">
      <h2 id="email-choices-title">Email about your modules</h2>
      <p>
        Choose how you hear by email when these happen: at once, gathered into one email a day (only on days something
        happened), or never. You still see everything in Alongside.
      </p>
      <Form method="post" className="stack" noValidate>
        <ErrorSummary state={state} />
        {choices.kinds.map((k) => {
          const chosen = fieldValue(state, k.kind, k.choice);
          return (
            <fieldset key={k.kind} className={state?.errors?.[k.kind] ? "field-error" : undefined}>
              <legend>{k.label}</legend>
              {choices.options.map((o) => (
                <div className="radio" key={o.value}>
                  <input
                    type="radio"
                    id={`email-${k.kind}-${o.value}`}
                    name={k.kind}
                    value={o.value}
                    defaultChecked={chosen === o.value}
                  />
                  <label htmlFor={`email-${k.kind}-${o.value}`}>{o.label}</label>
                </div>
              ))}
            </fieldset>
          );
        })}
        <div className="actions">
          <button type="submit" name="intent" value="emailChoices">
            Save email choices
          </button>
        </div>
      </Form>
    </section>
  );
}
