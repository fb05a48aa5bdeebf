import { Notice } from "~/components/layout";
import { PageForm } from "~/components/page-links";
import type { BlockState } from "./block-state";
import { Html } from "./html";

type ReflectionPart = { id: string; html: string; saved?: string | null };

/**
 * A reflection prompt: what is written goes to the learner's own journal, and nowhere else. In a
 * preview of a draft the box shows as the learner sees it, but nothing can be saved from it.
 */
export function Reflection({
  part,
  state,
  saved,
  preview = false,
}: {
  part: ReflectionPart;
  state: BlockState;
  saved: boolean;
  preview?: boolean;
}) {
  const mine = state?.intent === `reflect-${part.id}` ? state : undefined;
  const typed = typeof mine?.values?.body === "string" ? mine.values.body : undefined;
  return (
    <section
      className="learn-block learn-reflection"
      id={`reflection-${part.id}`}
      aria-labelledby={`reflect-${part.id}-label`}
    >
      <h2 className="block-heading">Reflect</h2>
      {saved ? <Notice tone="success">Saved to your journal. Only you can see it.</Notice> : null}
      <PageForm method="post" className="stack">
        <input type="hidden" name="promptId" value={part.id} />
        <label htmlFor={`reflect-${part.id}`} id={`reflect-${part.id}-label`}>
          <Html html={part.html} as="span" />
        </label>
        <p className="hint" id={`reflect-${part.id}-hint`}>
          {preview
            ? "Preview: learners write here, into their own private journal. Nothing written in a preview is saved."
            : "Private: this goes into your own journal. Trainers and facilitators never see it. You can leave it blank."}
        </p>
        {mine?.errors?.body ? (
          <p className="error-message" id={`reflect-${part.id}-error`}>
            {mine.errors.body}
          </p>
        ) : null}
        <textarea
          id={`reflect-${part.id}`}
          name="body"
          rows={5}
          aria-describedby={`reflect-${part.id}-hint${mine?.errors?.body ? ` reflect-${part.id}-error` : ""}`}
          aria-invalid={mine?.errors?.body ? true : undefined}
          defaultValue={typed ?? part.saved ?? ""}
        />
        {preview ? null : (
          <div className="actions">
            <button type="submit" name="intent" value="reflect" className="button-secondary">
              Save to my journal
            </button>
          </div>
        )}
      </PageForm>
    </section>
  );
}
