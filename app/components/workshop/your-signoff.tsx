import { Form } from "@remix-run/react";
import { type FormState, fieldValue } from "../form";

/**
 * The person's own sign-off of the current revision, with the safety checklist for facilitators, or
 * a note asking for changes.
 */
export function YourSignoff({
  revision,
  stale,
  checklist,
  state,
}: {
  revision: number;
  stale: boolean;
  /** The facilitator's safety checklist, each point with what the document suggests; null for others. */
  checklist: { id: string; label: string; hint: string }[] | null;
  state: FormState;
}) {
  return (
    <section className="card" aria-labelledby="signoff-title">
      <h2 id="signoff-title">Your sign-off</h2>
      <p>
        You are signing off <strong>revision {revision}</strong>.
        {stale ? " Your earlier sign-off is stale: the module has changed since." : ""}
      </p>
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="revision" value={revision} />
        {checklist ? (
          <fieldset>
            <legend>Safety checklist</legend>
            <p className="hint">Confirm each point. Your answers are kept with your sign-off.</p>
            {checklist.map((c) => (
              <div className="checkbox" key={c.id}>
                <input
                  type="checkbox"
                  id={`check-${c.id}`}
                  name={c.id}
                  value="yes"
                  defaultChecked={fieldValue(state, c.id) === "yes"}
                  aria-describedby={`check-${c.id}-hint`}
                />
                <label htmlFor={`check-${c.id}`}>
                  {c.label}
                  <span className="hint" id={`check-${c.id}-hint`}>
                    {" "}
                    {c.hint}
                  </span>
                </label>
              </div>
            ))}
          </fieldset>
        ) : null}
        <div className="actions">
          <button type="submit" name="intent" value="signoff">
            Sign off revision {revision}
          </button>
        </div>
      </Form>
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="revision" value={revision} />
        <div className="field">
          <label htmlFor="changes-note">Or ask for changes</label>
          <p className="hint" id="changes-note-hint">
            Say what you would like changed. Everyone working on the module sees your note.
          </p>
          <textarea
            id="changes-note"
            name="note"
            rows={3}
            maxLength={2000}
            aria-describedby="changes-note-hint"
            defaultValue={fieldValue(state, "note")}
          />
        </div>
        <div className="actions">
          <button type="submit" name="intent" value="changes" className="button-secondary">
            Ask for changes
          </button>
        </div>
      </Form>
    </section>
  );
}
