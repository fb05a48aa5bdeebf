import type * as Y from "yjs";
import { withoutCommentAnchors } from "../documents/facts";
import type { DocJSON } from "../documents/json";
import { authorOfSuggestion } from "../documents/suggestion-ids";
import { isSubsequence, suggestionFootprints, withoutSuggestions } from "../documents/suggestions";
import { REFUSALS, type Refusal } from "./refusal";
import { type DecodedUpdate, deletedStructs } from "./update-shape";
import { yDocToRawJSON } from "./ydoc";

/** The document as it would be with every suggestion rejected, comments aside: what a suggester cannot change. */
const settled = (doc: DocJSON) => JSON.stringify(withoutCommentAnchors(withoutSuggestions(doc)));

/**
 * Someone who may only suggest changes nothing but suggestions. Judged by effect: with every
 * suggestion rejected, the document is exactly what it was (so typing and removing are only
 * suggested, and accepting, which makes a suggestion part of the text, is refused). Besides, every
 * new suggestion is in their own name, and another person's suggestions keep all they held: a
 * suggester may withdraw (reject) their own suggestions only.
 */
export function suggesterRefusal(
  before: Y.Doc,
  decoded: DecodedUpdate,
  after: () => Y.Doc | null,
  userId: string,
): Refusal | null {
  const deleted = deletedStructs(before, decoded);
  if (!deleted) return REFUSALS.incomplete;
  // A sync that brings nothing new (a reconnect) changes nothing: no copy is needed to say so.
  if (decoded.structs.length === 0 && !deleted.some((struct) => !struct.deleted)) return null;
  const next = after();
  if (!next) return REFUSALS.incomplete;
  const was = yDocToRawJSON(before);
  const is = yDocToRawJSON(next);
  if (settled(was) !== settled(is)) return REFUSALS.suggestOnly;
  const had = suggestionFootprints(was);
  const has = suggestionFootprints(is);
  for (const id of has.keys()) {
    if (!had.has(id) && authorOfSuggestion(id) !== userId) return REFUSALS.suggestOnly;
  }
  for (const [id, footprint] of had) {
    if (authorOfSuggestion(id) === userId) continue;
    const now = has.get(id);
    if (!now) return REFUSALS.suggestOnly;
    if (!isSubsequence(footprint.insertion, now.insertion) || !isSubsequence(footprint.deletion, now.deletion)) {
      return REFUSALS.suggestOnly;
    }
  }
  return null;
}
