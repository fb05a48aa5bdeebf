import * as Y from "yjs";
import { withoutCommentAnchors } from "../documents/facts";
import { FRAGMENT } from "./protocol";
import { REFUSALS, type Refusal } from "./refusal";
import { documentJSON } from "./trial-copy";
import { type DecodedUpdate, deletedStructs, rootName, structAt } from "./update-shape";

/** The Yjs attribute a comment mark is stored under: "comment", or "comment--<hash>" when marks overlap. */
const COMMENT_ATTRIBUTE = /^comment(--[a-zA-Z0-9+/=]{8})?$/;

const isCommentFormat = (content: unknown) => content instanceof Y.ContentFormat && COMMENT_ATTRIBUTE.test(content.key);

/** Text of the document fragment: the only place a comment anchor can go. */
function inFragmentText(doc: Y.Doc, parent: unknown): boolean {
  return parent instanceof Y.XmlText && rootName(doc, parent) === FRAGMENT;
}

/**
 * Reviewers may add and remove comment anchors, and nothing else. Judged twice: by the structures
 * the update carries (only comment formatting, only in the module's text, so nothing can be hidden
 * in attributes or other shared types), and by its effect (the document without comment anchors,
 * its text joined again where an anchor had split it, is exactly what it was).
 */
export function reviewerRefusal(before: Y.Doc, decoded: DecodedUpdate, after: () => Y.Doc | null): Refusal | null {
  const deleted = deletedStructs(before, decoded);
  if (!deleted) return REFUSALS.incomplete;
  const deletes = deleted.filter((struct) => struct instanceof Y.Item && !struct.deleted);
  // A sync that brings nothing new (a reconnect) changes nothing: no copy is needed to say so.
  if (decoded.structs.length === 0 && deletes.length === 0) return null;
  const next = after();
  if (!next) return REFUSALS.incomplete;
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item) || struct.parentSub !== null) return REFUSALS.readOnly;
    if (!(isCommentFormat(struct.content) || struct.content instanceof Y.ContentDeleted)) return REFUSALS.readOnly;
    const placed = structAt(next, struct.id);
    if (placed instanceof Y.Item && !inFragmentText(next, placed.parent)) return REFUSALS.readOnly;
  }
  for (const struct of deletes) {
    if (!(struct instanceof Y.Item)) continue;
    if (!(isCommentFormat(struct.content) || struct.content instanceof Y.ContentDeleted)) return REFUSALS.readOnly;
  }
  const was = JSON.stringify(withoutCommentAnchors(documentJSON(before)));
  const is = JSON.stringify(withoutCommentAnchors(documentJSON(next)));
  return was === is ? null : REFUSALS.readOnly;
}
