import type * as Y from "yjs";
import { documentSchema } from "../documents/extensions";
import { validateDoc } from "../documents/json";
import { FRAGMENT } from "./protocol";
import { REFUSALS, type Refusal } from "./refusal";
import { documentJSON } from "./trial-copy";
import { type DecodedUpdate, onlyEditsText, rootsChanged } from "./update-shape";

const holdsText = (nodeName: string) => documentSchema.nodes[nodeName]?.inlineContent === true;

/**
 * Refuses an update that would leave the document in a state the editor's schema cannot load: an
 * unknown node or mark, a node where it is not allowed, an attribute the schema rejects, or any
 * change outside the document fragment. Once stored, such a change would break the page for
 * everyone, so it is judged before anything is applied. Typing in existing text cannot do any of
 * that and is let through at once; everything else is tried on a copy of the document.
 */
export function schemaRefusal(document: Y.Doc, decoded: DecodedUpdate, after: () => Y.Doc | null): Refusal | null {
  if (onlyEditsText(document, decoded, holdsText)) return null;
  const next = after();
  if (!next) return REFUSALS.incomplete;
  for (const root of rootsChanged(document, next, decoded)) if (root !== FRAGMENT) return REFUSALS.unsupported;
  return validateDoc(documentJSON(next)).ok ? null : REFUSALS.unsupported;
}
