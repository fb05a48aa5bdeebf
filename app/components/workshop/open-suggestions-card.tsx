import { Link } from "@remix-run/react";

type OpenSuggestion = { id: string; authorName: string; added: string; removed: string; blocks: number };

/** What someone suggested, in a few words. */
function described(s: OpenSuggestion): string {
  const parts = [
    s.added ? `add “${s.added}”` : "",
    s.removed ? `remove “${s.removed}”` : "",
    !s.added && !s.removed && s.blocks > 0 ? `change ${s.blocks === 1 ? "a block" : `${s.blocks} blocks`}` : "",
  ].filter(Boolean);
  return parts.join(" and ") || "a change";
}

/**
 * Suggestions still open in the draft. Sign-off and publishing wait for them: each is accepted or
 * rejected in the editor first.
 */
export function OpenSuggestionsCard({ moduleId, suggestions }: { moduleId: string; suggestions: OpenSuggestion[] }) {
  if (suggestions.length === 0) return null;
  return (
    <section className="card" aria-labelledby="open-suggestions-title">
      <h2 id="open-suggestions-title">Open suggestions</h2>
      <p>
        {suggestions.length === 1 ? "1 suggestion is" : `${suggestions.length} suggestions are`} still open. Sign-off
        and publishing wait until each is accepted or rejected in the <Link to={`/workshop/${moduleId}`}>editor</Link>.
      </p>
      <ul className="plain-list">
        {suggestions.map((s) => (
          <li key={s.id}>
            <strong>{s.authorName}</strong> suggests to {described(s)}
          </li>
        ))}
      </ul>
    </section>
  );
}
