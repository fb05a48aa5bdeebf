import type * as Y from "yjs";
import { withoutCommentAnchors } from "../documents/facts";
import type { DocJSON } from "../documents/json";
import { authorOfSuggestion } from "../documents/suggestion-ids";
import { isSubsequence, suggestionFootprints, withoutSuggestions } from "../documents/suggestions";
import { REFUSALS, type Refusal } from "./refusal";
import { documentJSON } from "./trial-copy";
import { type DecodedUpdate, deletedStructs } from "./update-shape";

/**
 * What is read from a document's content, once per content: a document read for one update is the one
 * judged before the next (ADR 31), so each is worked out once.
 */
function remembered<T>(work: (doc: DocJSON) => T): (doc: DocJSON) => T {
  const known = new WeakMap<DocJSON, T>();
  return (doc) => {
    if (known.has(doc)) return known.get(doc) as T;
    const value = work(doc);
    known.set(doc, value);
    return value;
  };
}

/** The document as it would be with every suggestion rejected, comments aside: what a suggester cannot change. */
const settled = remembered((doc) => JSON.stringify(withoutCommentAnchors(withoutSuggestions(doc))));
const footprints = remembered(suggestionFootprints);

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
  const was = documentJSON(before);
  const is = documentJSON(next);
  if (settled(was) !== settled(is)) return REFUSALS.suggestOnly;
  const had = footprints(was);
  const has = footprints(is);
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
