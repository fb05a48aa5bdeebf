import { useFetcher } from "@remix-run/react";
import type { MutableRefObject } from "react";
import type { EditorApi } from "~/editor/collaborative-editor";
import { DecidedSuggestions, SuggestionReplies, type SuggestionThread } from "./suggestion-thread";

export type Suggestion = { id: string; author: string; added: string; removed: string; blocks: number };

function what(s: Suggestion): string {
  const parts = [
    s.added ? `adding “${s.added}”` : "",
    s.removed ? `removing “${s.removed}”` : "",
    !s.added && !s.removed && s.blocks > 0 ? (s.blocks === 1 ? "a block" : `${s.blocks} blocks`) : "",
  ].filter(Boolean);
  return parts.join(" and ") || "a change";
}

/**
 * The suggestions open in the module, beside its comments. A facilitator accepts or rejects any of
 * them, one at a time or all of one person's; the person who suggested may take back their own (and
 * accept them, unless the module takes suggestions only from them). The server checks this again.
 * Each can be replied to; a decided one's replies stay, below, with what became of it.
 */
export function SuggestionsPanel({
  moduleId,
  threads,
  canComment,
  suggestions,
  names,
  me,
  canModerate,
  suggestOnly,
  api,
}: {
  moduleId: string;
  threads: SuggestionThread[];
  canComment: boolean;
  suggestions: Suggestion[];
  names: Record<string, string>;
  me: string;
  canModerate: boolean;
  suggestOnly: boolean;
  api: MutableRefObject<EditorApi | null>;
}) {
  const settle = useFetcher({ key: "settle-suggestions" });
  if (suggestions.length === 0)
    return <DecidedSuggestions moduleId={moduleId} threads={threads} canModerate={canModerate} />;
  const nameOf = (id: string) => names[id] ?? "A former collaborator";
  const threadOf = (id: string) => threads.find((t) => t.suggestionId === id);
  const decide = (ids: string[], accept: boolean) => {
    for (const id of ids) api.current?.decideSuggestion(id, accept);
    // The threads of decided suggestions are kept, with what became of them.
    const talkedAbout = ids.filter((id) => threadOf(id));
    if (talkedAbout.length === 0) return;
    const form = new FormData();
    form.set("intent", "settle");
    form.set("outcome", accept ? "accepted" : "rejected");
    for (const id of talkedAbout) form.append("suggestionIds", id);
    settle.submit(form, { method: "post", action: `/workshop/${moduleId}/comments` });
  };
  const mayAccept = (s: Suggestion) => canModerate || (s.author === me && !suggestOnly);
  const mayReject = (s: Suggestion) => canModerate || s.author === me;
  const authors = [...new Set(suggestions.map((s) => s.author))];
  return (
    <>
      <section className="comments-panel suggestions-panel" aria-labelledby="suggestions-title">
        <h2 id="suggestions-title">Suggestions ({suggestions.length})</h2>
        <ul className="plain-list">
          {suggestions.map((s) => (
            <li key={s.id} className="suggestion-item" style={{ borderColor: "var(--suggester)" }}>
              <p>
                <strong>{s.author === me ? "You" : nameOf(s.author)}</strong> {s.author === me ? "suggest" : "suggests"}{" "}
                {what(s)}
              </p>
              <div className="actions">
                {mayAccept(s) ? (
                  <button type="button" className="button-secondary small" onClick={() => decide([s.id], true)}>
                    Accept<span className="visually-hidden"> {what(s)}</span>
                  </button>
                ) : null}
                {mayReject(s) ? (
                  <button type="button" className="button-quiet small" onClick={() => decide([s.id], false)}>
                    Reject<span className="visually-hidden"> {what(s)}</span>
                  </button>
                ) : null}
              </div>
              <SuggestionReplies
                moduleId={moduleId}
                suggestionId={s.id}
                what={what(s)}
                thread={threadOf(s.id)}
                canComment={canComment}
                canModerate={canModerate}
              />
            </li>
          ))}
        </ul>
        {authors.map((author) => {
          const theirs = suggestions.filter((s) => s.author === author);
          if (theirs.length < 2 || !theirs.every(mayReject)) return null;
          const name = author === me ? "yours" : `all from ${nameOf(author)}`;
          return (
            <div className="actions" key={author}>
              {theirs.every(mayAccept) ? (
                <button
                  type="button"
                  className="button-secondary small"
                  onClick={() =>
                    decide(
                      theirs.map((s) => s.id),
                      true,
                    )
                  }
                >
                  Accept {name === "yours" ? "all yours" : name}
                </button>
              ) : null}
              <button
                type="button"
                className="button-quiet small"
                onClick={() =>
                  decide(
                    theirs.map((s) => s.id),
                    false,
                  )
                }
              >
                Reject {name === "yours" ? "all yours" : name}
              </button>
            </div>
          );
        })}
      </section>
      <DecidedSuggestions moduleId={moduleId} threads={threads} canModerate={canModerate} />
    </>
  );
}
