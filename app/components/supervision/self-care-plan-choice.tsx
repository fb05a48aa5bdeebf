/**
 * The box that brings the learner's self-care plan to a supervision page. Left unticked, the plan
 * stays in their journal only.
 */
export function SelfCarePlanChoice({ checked = false }: { checked?: boolean }) {
  return (
    <div className="stack">
      <label className="checkbox">
        <input
          type="checkbox"
          name="includeSelfCarePlan"
          defaultChecked={checked}
          aria-describedby="include-plan-hint"
        />{" "}
        Include my self-care plan
      </label>
      <p className="hint" id="include-plan-hint">
        Your plan as it reads in your journal. A copy you share with a supervisor keeps it as it was when you shared.
      </p>
    </div>
  );
}
