import { Form } from "@remix-run/react";
import { type FormState, fieldValue } from "../form";
import { ANSWER_TEXT } from "./panel-signoff-status";

const SIGN_AS = {
  panel: "Sign off as the lived-experience panel",
  safeguarding: "Sign off as safeguarding reviewer",
} as const;

const TITLE = { panel: "Your sign-off for the panel", safeguarding: "Your sign-off for safeguarding" } as const;

/**
 * The rubric for a panel member or safeguarding reviewer: each question answered Yes, Not yet or Not
 * applicable, each with a note, then a sign-off or a request for changes. A refused form comes back
 * with every answer and note as they were.
 */
export function PanelSignoffForm({
  kind,
  revision,
  rubric,
  state,
}: {
  kind: keyof typeof SIGN_AS;
  revision: number;
  rubric: readonly { id: string; question: string }[];
  state: FormState;
}) {
  const mine = fieldValue(state, "kind") === kind ? state : undefined;
  const titleId = `panel-form-${kind}-title`;
  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId}>{TITLE[kind]}</h2>
      <p>
        You are answering for <strong>revision {revision}</strong>. Everyone writing the module sees your answers and
        notes.
      </p>
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="revision" value={revision} />
        <input type="hidden" name="kind" value={kind} />
        {mine?.errors?.form ? (
          <p className="error-message" id={`${kind}-form-error`}>
            {mine.errors.form}
          </p>
        ) : null}
        {rubric.map((item, i) => {
          const name = `answer-${item.id}`;
          const error = mine?.errors?.[name];
          const chosen = fieldValue(mine, name);
          const base = `${kind}-${item.id}`;
          return (
            <fieldset key={item.id} aria-describedby={error ? `${base}-error` : undefined}>
              <legend>
                {i + 1}. {item.question}
              </legend>
              {error ? (
                <p className="error-message" id={`${base}-error`}>
                  {error}
                </p>
              ) : null}
              <div className="radios">
                {(Object.keys(ANSWER_TEXT) as (keyof typeof ANSWER_TEXT)[]).map((answer) => (
                  <div className="radio" key={answer}>
                    <input
                      type="radio"
                      id={`${base}-${answer}`}
                      name={name}
                      value={answer}
                      defaultChecked={chosen === answer}
                    />
                    <label htmlFor={`${base}-${answer}`}>{ANSWER_TEXT[answer]}</label>
                  </div>
                ))}
              </div>
              <div className="field">
                <label htmlFor={`${base}-note`}>Note (optional)</label>
                <textarea
                  id={`${base}-note`}
                  name={`note-${item.id}`}
                  rows={2}
                  maxLength={2000}
                  defaultValue={fieldValue(mine, `note-${item.id}`)}
                />
              </div>
            </fieldset>
          );
        })}
        <div className="actions">
          <button type="submit" name="intent" value="panelSignoff">
            {SIGN_AS[kind]}
          </button>
          <button type="submit" name="intent" value="panelChanges" className="button-secondary">
            Ask for changes
          </button>
        </div>
      </Form>
    </section>
  );
}
