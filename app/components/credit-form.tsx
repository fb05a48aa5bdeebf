import { Form } from "@remix-run/react";
import { useId } from "react";
import { type FormState, fieldValue } from "./form";

/** How one person wants to be credited on one module: real name, a chosen name, or not named. */
export function CreditForm({
  moduleId,
  realName,
  mode,
  name,
  state,
  action,
}: {
  moduleId: string;
  realName: string;
  mode: string;
  name: string;
  state: FormState;
  action?: string;
}) {
  const id = useId();
  const current = fieldValue(state, "creditMode", mode);
  const error = state?.errors?.creditName ?? state?.errors?.creditMode;
  return (
    <Form method="post" action={action} className="stack" noValidate>
      <input type="hidden" name="moduleId" value={moduleId} />
      <fieldset aria-describedby={error ? `${id}-error` : undefined}>
        <legend>How should you be credited?</legend>
        {error ? (
          <p className="error-message" id={`${id}-error`}>
            {error}
          </p>
        ) : null}
        <div className="radio">
          <input type="radio" id={`${id}-real`} name="creditMode" value="real" defaultChecked={current === "real"} />
          <label htmlFor={`${id}-real`}>By my name, {realName}</label>
        </div>
        <div className="radio">
          <input
            type="radio"
            id={`${id}-chosen`}
            name="creditMode"
            value="chosen"
            defaultChecked={current === "chosen"}
          />
          <label htmlFor={`${id}-chosen`}>By a name I choose</label>
        </div>
        <div className="field nested-field">
          <label htmlFor={`${id}-name`}>Name to show</label>
          <input
            id={`${id}-name`}
            name="creditName"
            type="text"
            maxLength={60}
            defaultValue={fieldValue(state, "creditName", name)}
          />
        </div>
        <div className="radio">
          <input
            type="radio"
            id={`${id}-anonymous`}
            name="creditMode"
            value="anonymous"
            defaultChecked={current === "anonymous"}
          />
          <label htmlFor={`${id}-anonymous`}>Not named (counted as someone who chose not to be named)</label>
        </div>
      </fieldset>
      <div className="actions">
        <button type="submit" name="intent" value="credit">
          Save how I am credited
        </button>
      </div>
    </Form>
  );
}
