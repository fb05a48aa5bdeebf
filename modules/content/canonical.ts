import { documentSchema } from "../documents/extensions";
import type { DocJSON } from "../documents/json";
import { withoutUnsetSuggestions } from "../documents/suggestions";

/**
 * The canonical form of a document: exactly what the editor produces (ProseMirror's own JSON, with
 * every attribute and marks in schema order). Documents are compared in this form, because the
 * Yjs round trip adds empty `attrs` to marks.
 */
export function canonicalDoc(doc: DocJSON): DocJSON {
  return withoutUnsetSuggestions(documentSchema.nodeFromJSON(doc).toJSON() as DocJSON);
}
