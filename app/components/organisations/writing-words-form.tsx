import { Form } from "@remix-run/react";
import { ErrorSummary, Field, type FormState } from "~/components/form";

/** The words the editor's writing hints point out as graphic detail, on the organisation's settings page. */
export function WritingWordsForm({
  words,
  isDefault,
  state,
}: {
  words: readonly string[];
  isDefault: boolean;
  state: FormState;
}) {
  return (
    <section className="card" aria-labelledby="writing-words-title">
      <h2 id="writing-words-title">Words the writing hints point out</h2>
      <p>
        While people write a module, the editor gently points out these words, because they can bring up graphic detail
        of harm. It only asks whether each is needed: nothing is ever blocked.
        {isDefault ? " This is the list Alongside starts with." : ""}
      </p>
      {/* Keyed by the saved list, so after saving the field shows the list as it was kept. */}
      <Form key={words.join("\n")} method="post" className="stack" noValidate>
        <ErrorSummary state={state} />
        <Field
          label="Words and phrases"
          name="words"
          multiline
          hint="One word or short phrase on each line. Leave it empty to point out none."
          defaultValue={words.join("\n")}
          state={state}
        />
        <div className="actions">
          <button type="submit" name="intent" value="writingWords">
            Save the words
          </button>
        </div>
      </Form>
    </section>
  );
}
