import type { DB } from "../../db/client";
import type { DocJSON } from "../documents/json";
import { openSuggestions } from "../documents/suggestions";
import { InvalidError } from "../shared/errors";
import { listCollaborators } from "../workshop/collaborators";

/** The suggestions still open in a draft, with their authors' names, for the Review page. */
export function openSuggestionsOf(db: DB, moduleId: string, doc: DocJSON) {
  const names = new Map(listCollaborators(db, moduleId).map((c) => [c.userId, c.name]));
  return openSuggestions(doc).map((s) => ({
    id: s.id,
    authorName: names.get(s.author) ?? "A former collaborator",
    added: s.added,
    removed: s.removed,
    blocks: s.blocks,
  }));
}

/** Why a draft cannot be agreed yet, or null: every suggestion in it has been accepted or rejected. */
export function openSuggestionsReason(doc: DocJSON): string | null {
  const open = openSuggestions(doc).length;
  if (open === 0) return null;
  return open === 1
    ? "1 suggestion is still open. Accept or reject it in the editor first."
    : `${open} suggestions are still open. Accept or reject each in the editor first.`;
}

/**
 * Sign-off and publishing are of the document with no open suggestions (ADR 31): the words people
 * agree to, and learners get, are never half decided.
 */
export function refuseOpenSuggestions(doc: DocJSON, what: "Sign-off" | "Publishing") {
  const reason = openSuggestionsReason(doc);
  if (reason) throw new InvalidError(`${what} is of the module with no open suggestions. ${reason}`, "form");
}
