import { type FormState, fieldValue, fieldValues } from "../form";

type Option = { value: string; label: string };
type Choice = { nation: string | null; populations: string[] } | null;

/** Where the person is (one, or rather not say) and the groups that matter to them (any). */
export function SupportChoiceFields({
  state,
  choice,
  nations,
  groups,
}: {
  state: FormState;
  choice: Choice;
  nations: Option[];
  groups: Option[];
}) {
  const nation = fieldValue(state, "nation", choice?.nation ?? "");
  const chosen = fieldValues(state, "populations", choice?.populations ?? []);
  const errors = state?.errors ?? {};
  return (
    <>
      <fieldset className={errors.nation ? "field field-error" : "field"}>
        <legend>Where are you?</legend>
        {errors.nation ? <p className="error-message">{errors.nation}</p> : null}
        {[...nations, { value: "", label: "Rather not say" }].map((o) => (
          <div className="checkbox" key={o.value || "none"}>
            <input
              type="radio"
              id={`nation-${o.value || "none"}`}
              name="nation"
              value={o.value}
              defaultChecked={nation === o.value}
            />
            <label htmlFor={`nation-${o.value || "none"}`}>{o.label}</label>
          </div>
        ))}
      </fieldset>
      <fieldset className={errors.populations ? "field field-error" : "field"}>
        <legend>Which of these matter to you?</legend>
        <p className="hint">Choose any, or none.</p>
        {errors.populations ? <p className="error-message">{errors.populations}</p> : null}
        {groups.map((o) => (
          <div className="checkbox" key={o.value}>
            <input
              type="checkbox"
              id={`group-${o.value}`}
              name="populations"
              value={o.value}
              defaultChecked={chosen.includes(o.value)}
            />
            <label htmlFor={`group-${o.value}`}>{o.label}</label>
          </div>
        ))}
      </fieldset>
    </>
  );
}
