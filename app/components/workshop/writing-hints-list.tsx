import type { WritingHint } from "../../../modules/documents/writing-hints";

/**
 * Gentle writing checks, grouped by section. In the editor a hint about a sensitive topic offers to
 * add the content note there and then; elsewhere the hints are read only.
 */
export function WritingHintsList({
  hints,
  onAddNote,
}: {
  hints: readonly WritingHint[];
  onAddNote?: (hint: WritingHint) => void;
}) {
  if (hints.length === 0) return <p className="muted">Nothing to point out.</p>;
  const sections = [...new Set(hints.map((h) => h.section))];
  return (
    <ul className="writing-hints">
      {sections.map((section) => (
        <li key={section}>
          <strong>{section}</strong>
          <ul>
            {hints
              .filter((h) => h.section === section)
              .map((hint) => (
                <li key={`${hint.kind}:${hint.message}`}>
                  {hint.message}
                  {onAddNote && hint.kind === "sensitiveTopic" ? (
                    <>
                      {" "}
                      <button type="button" className="button-secondary small" onClick={() => onAddNote(hint)}>
                        Add a content note<span className="visually-hidden"> to “{section}”</span>
                      </button>
                    </>
                  ) : null}
                </li>
              ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
