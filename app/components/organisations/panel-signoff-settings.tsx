import { Form } from "@remix-run/react";
import { ErrorSummary, Field, type FormState } from "~/components/form";

/**
 * On the organisation's settings page: whether publishing waits for the lived-experience panel and a
 * safeguarding reviewer, and the rubric they answer.
 */
export function PanelSignoffSettings({
  required,
  rubric,
  isDefault,
  requiredState,
  rubricState,
}: {
  required: boolean;
  rubric: readonly { id: string; question: string }[];
  isDefault: boolean;
  requiredState: FormState;
  rubricState: FormState;
}) {
  const questions = rubric.map((i) => i.question).join("\n");
  return (
    <section className="card" aria-labelledby="panel-signoff-title">
      <h2 id="panel-signoff-title">Panel and safeguarding sign-off</h2>
      <p>
        Members with the role Lived-experience panel or Safeguarding reviewer can read every module in the Workshop and
        answer the rubric below before they sign it off.
      </p>
      <Form method="post" className="stack" noValidate>
        <ErrorSummary state={requiredState} />
        <div className="checkbox">
          <input type="checkbox" id="panel-required" name="required" value="yes" defaultChecked={required} />
          <label htmlFor="panel-required">
            Before publishing, require a sign-off from the lived-experience panel and from a safeguarding reviewer
          </label>
        </div>
        <div className="actions">
          <button type="submit" name="intent" value="panelRequired">
            Save the sign-off setting
          </button>
        </div>
      </Form>
      <h3 id="rubric-title">The rubric</h3>
      <p>
        Each question is answered Yes, Not yet or Not applicable, with an optional note.
        {isDefault ? " This is the trauma-informed rubric Alongside starts with." : ""}
      </p>
      {/* Keyed by the saved rubric, so after saving the field shows it as it was kept. */}
      <Form key={questions} method="post" className="stack" noValidate aria-labelledby="rubric-title">
        <ErrorSummary state={rubricState} />
        <Field
          label="Questions"
          name="questions"
          multiline
          hint="One question on each line. Add a line to add a question; change or delete a line to reword or remove one."
          defaultValue={questions}
          state={rubricState}
        />
        <div className="actions">
          <button type="submit" name="intent" value="panelRubric">
            Save the rubric
          </button>
        </div>
      </Form>
    </section>
  );
}
