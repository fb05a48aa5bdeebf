/**
 * The search box of a GET form: works without JavaScript, keeps what was typed, and says when a
 * query was cut to the limit.
 */
export function SearchField({
  id,
  label,
  value,
  trimmed,
  maxLength,
}: {
  id: string;
  label: string;
  value: string;
  trimmed: boolean;
  maxLength: number;
}) {
  return (
    <div className="field search-field">
      <label htmlFor={id}>{label}</label>
      <input
        type="search"
        id={id}
        name="q"
        defaultValue={value}
        maxLength={maxLength}
        aria-describedby={trimmed ? `${id}-trimmed` : undefined}
      />
      {trimmed ? (
        <p id={`${id}-trimmed`} className="hint" role="status">
          Only the first {maxLength} characters were searched for.
        </p>
      ) : null}
    </div>
  );
}
