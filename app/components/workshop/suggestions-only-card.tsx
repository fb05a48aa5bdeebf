import { Form } from "@remix-run/react";
import { type FormState, fieldValue } from "../form";

/**
 * How co-designers change the module's text: directly, or only as suggestions that a facilitator
 * accepts or rejects. Open editors follow the choice at once.
 */
export function SuggestionsOnlyCard({ suggestionsOnly, state }: { suggestionsOnly: boolean; state: FormState }) {
  const chosen = fieldValue(state, "changes", suggestionsOnly ? "suggestions" : "direct");
  const error = state?.errors?.changes;
  return (
    <section className="card" aria-labelledby="changes-title">
      <h2 id="changes-title">How co-designers change the text</h2>
      <Form method="post" className="stack" noValidate>
        <fieldset aria-describedby={error ? "changes-error" : undefined}>
          <legend>Co-designers’ changes</legend>
          {error ? (
            <p id="changes-error" className="field-error">
              {error}
            </p>
          ) : null}
          <label className="choice">
            <input type="radio" name="changes" value="direct" defaultChecked={chosen === "direct"} />
            Go straight into the module
          </label>
          <label className="choice">
            <input type="radio" name="changes" value="suggestions" defaultChecked={chosen === "suggestions"} />
            Are suggestions only, for a facilitator to accept or reject
          </label>
        </fieldset>
        <div className="actions">
          <button type="submit" name="intent" value="changes" className="button-secondary">
            Save how co-designers change the text
          </button>
        </div>
      </Form>
    </section>
  );
}
