import { type FormState, fieldValues } from "~/components/form";

type Entry = { id: string; prompt: string; context: string; body?: string };

/**
 * The journal entries as checkboxes, grouped under one question, for choosing what to bring to
 * supervision. Plain form fields: it works without JavaScript.
 */
export function EntryPicker({
  entries,
  state,
  chosen = [],
  children,
}: {
  entries: Entry[];
  state: FormState;
  chosen?: readonly string[];
  children?: (entry: Entry) => React.ReactNode;
}) {
  const error = state?.errors?.entryIds;
  const ticked = new Set(fieldValues(state, "entryIds", chosen));
  return (
    <fieldset className={error ? "field-error" : undefined} aria-describedby="entry-picker-hint">
      <legend>Journal entries to bring to supervision</legend>
      <p className="hint" id="entry-picker-hint">
        Tick the entries you want on your supervision page. Only what you choose goes on it.
      </p>
      {error ? <p className="error-message">{error}</p> : null}
      <ol className="plain-list journal">
        {entries.map((e) => (
          <li key={e.id} className="card">
            <div className="checkbox">
              <input
                type="checkbox"
                id={`entry-${e.id}`}
                name="entryIds"
                value={e.id}
                defaultChecked={ticked.has(e.id)}
              />
              <label htmlFor={`entry-${e.id}`}>
                <span className="h3">{e.prompt}</span>
                <span className="muted"> {e.context}</span>
              </label>
            </div>
            {children?.(e)}
          </li>
        ))}
      </ol>
    </fieldset>
  );
}
