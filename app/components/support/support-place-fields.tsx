import { type FormState, fieldValues } from "../form";

type Option = { value: string; label: string };
export type PlaceOptions = { nations: Option[]; groups: Option[] };

function Group({
  legend,
  hint,
  name,
  options,
  chosen,
  error,
}: {
  legend: string;
  hint: string;
  name: string;
  options: Option[];
  chosen: string[];
  error?: string;
}) {
  return (
    <fieldset className={error ? "field field-error" : "field"}>
      <legend>{legend}</legend>
      <p className="hint">{hint}</p>
      {error ? <p className="error-message">{error}</p> : null}
      {options.map((o) => (
        <div className="checkbox" key={o.value}>
          <input
            type="checkbox"
            id={`${name}-${o.value}`}
            name={name}
            value={o.value}
            defaultChecked={chosen.includes(o.value)}
          />
          <label htmlFor={`${name}-${o.value}`}>{o.label}</label>
        </div>
      ))}
    </fieldset>
  );
}

/** Where a support resource serves and who it is for, so each learner's own choice can put it first. */
export function SupportPlaceFields({
  state,
  options,
  resource,
}: {
  state: FormState;
  options: PlaceOptions;
  resource?: { nations: string[]; populations: string[] };
}) {
  return (
    <>
      <Group
        legend="Where it serves"
        hint="UK-wide, or the nations it is for."
        name="nations"
        options={options.nations}
        chosen={fieldValues(state, "nations", resource?.nations ?? ["uk"])}
        error={state?.errors?.nations}
      />
      <Group
        legend="Who it is for"
        hint="Everyone, or the groups it is for."
        name="populations"
        options={options.groups}
        chosen={fieldValues(state, "populations", resource?.populations ?? ["everyone"])}
        error={state?.errors?.populations}
      />
    </>
  );
}
