import { PageForm } from "~/components/page-links";
import { PLAN_PARTS } from "../../../modules/self-care/parts";
import { Notice } from "../layout";
import type { BlockState } from "../learning/block-state";

export type PlanWords = { signs: string; helps: string; contacts: string; boundaries: string };

/** The intent a plan's form posts with, so the page's action (and a refused form's state) can tell it apart. */
export const SAVE_PLAN = "saveSelfCarePlan";

/**
 * The learner's self-care plan as four labelled boxes, the same wherever it is written: a plain form
 * that posts to its page's own action. A refused save shows beside each box and keeps what was typed.
 * In a preview of a draft it shows as learners see it, with nothing to save.
 */
export function SelfCarePlanForm({
  plan,
  state,
  saved,
  idPrefix,
  preview = false,
}: {
  plan: PlanWords | null;
  state: BlockState;
  saved: boolean;
  idPrefix: string;
  preview?: boolean;
}) {
  const mine = state?.intent === SAVE_PLAN ? state : undefined;
  const hint = `${idPrefix}-hint`;
  return (
    <PageForm method="post" className="stack">
      {saved ? <Notice tone="success">Your self-care plan is saved. Only you can see it.</Notice> : null}
      <p className="hint" id={hint}>
        {preview
          ? "Preview: learners write their own plan here, kept privately in their journal. Nothing written in a preview is saved."
          : "Private: your plan is kept in your journal, the same plan in every course. Trainers and facilitators never see it. Write as much or as little as you like."}
      </p>
      {PLAN_PARTS.map(({ name, label }) => {
        const id = `${idPrefix}-${name}`;
        const error = mine?.errors?.[name];
        const typed = mine?.values?.[name];
        return (
          <div key={name} className="field">
            <label htmlFor={id}>{label}</label>
            {error ? (
              <p className="error-message" id={`${id}-error`}>
                {error}
              </p>
            ) : null}
            <textarea
              id={id}
              name={name}
              rows={3}
              aria-describedby={`${hint}${error ? ` ${id}-error` : ""}`}
              aria-invalid={error ? true : undefined}
              defaultValue={typeof typed === "string" ? typed : (plan?.[name] ?? "")}
            />
          </div>
        );
      })}
      {preview ? null : (
        <div className="actions">
          <button type="submit" name="intent" value={SAVE_PLAN} className="button-secondary">
            Save my plan
          </button>
        </div>
      )}
    </PageForm>
  );
}
