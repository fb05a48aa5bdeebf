import { type PlanWords, SelfCarePlanForm } from "../self-care/plan-form";
import type { BlockState } from "./block-state";
import { Html } from "./html";

/** A self-care plan block as a learner meets it: the author's intro, then the learner's own plan. */
export function SelfCarePlanBlock({
  introHtml,
  plan,
  state,
  saved,
  at,
  preview = false,
}: {
  introHtml: string;
  plan: PlanWords | null;
  state: BlockState;
  saved: boolean;
  /** Keeps the page's ids apart should a section hold the block twice. */
  at: number;
  preview?: boolean;
}) {
  const id = at === 0 ? "self-care-plan" : `self-care-plan-${at}`;
  return (
    <section className="learn-block learn-self-care" id={id} aria-labelledby={`${id}-title`}>
      <h2 className="block-heading" id={`${id}-title`}>
        My self-care plan
      </h2>
      {introHtml ? <Html html={introHtml} /> : null}
      <SelfCarePlanForm plan={plan} state={state} saved={saved} idPrefix={`${id}-box`} preview={preview} />
    </section>
  );
}
