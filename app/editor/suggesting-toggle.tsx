/**
 * Editing or Suggesting: two buttons, one pressed, and a line that says what typing does now. Someone
 * who may only suggest on this module sees Suggesting on, and why.
 */
export function SuggestingToggle({
  suggesting,
  locked,
  onChange,
}: {
  suggesting: boolean;
  locked: boolean;
  onChange: (suggesting: boolean) => void;
}) {
  return (
    <div className="suggesting-toggle">
      <fieldset className="segmented">
        <legend className="visually-hidden">How your changes are made</legend>
        <button type="button" aria-pressed={!suggesting} disabled={locked} onClick={() => onChange(false)}>
          Editing
        </button>
        <button type="button" aria-pressed={suggesting} disabled={locked} onClick={() => onChange(true)}>
          Suggesting
        </button>
      </fieldset>
      <p className="muted" role="status" aria-live="polite">
        {locked
          ? "This module takes suggestions only: what you add or remove shows as a suggestion for a facilitator to accept."
          : suggesting
            ? "Suggesting: what you add or remove shows as a suggestion for others to accept or reject."
            : "Editing: your changes go straight into the module."}
      </p>
    </div>
  );
}
