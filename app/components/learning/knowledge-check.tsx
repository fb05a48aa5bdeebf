import { PageForm } from "~/components/page-links";
import type { BlockState } from "./block-state";
import { Html } from "./html";

type CheckPart = {
  id: string;
  questionHtml: string;
  multiple: boolean;
  options: { id: string; html: string; feedbackHtml: string }[];
  answer?: { answer: string[]; correct: boolean } | null;
};

/** A knowledge check: answering shows feedback on each option chosen, and it may be tried again. */
export function KnowledgeCheck({ part, state }: { part: CheckPart; state: BlockState }) {
  const mine = state?.intent === `answer-${part.id}` ? state : undefined;
  const chosen = new Set(part.answer?.answer ?? []);
  const InputType = part.multiple ? "checkbox" : "radio";
  return (
    <section className="learn-block learn-check" id={`check-${part.id}`} aria-labelledby={`check-${part.id}-q`}>
      <h2 className="block-heading">Check your understanding</h2>
      <PageForm method="post">
        <input type="hidden" name="checkId" value={part.id} />
        <fieldset aria-describedby={mine?.errors?.option ? `check-${part.id}-error` : undefined}>
          <legend id={`check-${part.id}-q`}>
            <Html html={part.questionHtml} as="span" />
            {part.multiple ? <span className="hint"> Choose all that apply.</span> : null}
          </legend>
          {mine?.errors?.option ? (
            <p className="error-message" id={`check-${part.id}-error`}>
              {mine.errors.option}
            </p>
          ) : null}
          {part.options.map((o) => (
            <div className={InputType} key={o.id}>
              <input
                type={InputType}
                id={`check-${part.id}-${o.id}`}
                name="option"
                value={o.id}
                defaultChecked={chosen.has(o.id)}
              />
              <label htmlFor={`check-${part.id}-${o.id}`}>
                <Html html={o.html} as="span" />
              </label>
            </div>
          ))}
        </fieldset>
        <button type="submit" name="intent" value="answer" className="button-secondary">
          {part.answer ? "Check again" : "Check my answer"}
        </button>
      </PageForm>
      {part.answer ? (
        <div className="check-feedback" role="status">
          <p>
            <strong>{part.answer.correct ? "That's right." : "Not quite. Have another look and try again."}</strong>
          </p>
          <ul>
            {part.options
              .filter((o) => chosen.has(o.id))
              .map((o) => (
                <li key={o.id}>
                  <Html html={o.html} as="span" className="feedback-choice" />: <Html html={o.feedbackHtml} as="span" />
                </li>
              ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
