import { renderToHTMLString } from "@tiptap/static-renderer/pm/html-string";
import { documentExtensions } from "./extensions";
import type { DocJSON } from "./json";
import { loadableDoc } from "./loadable";
import { withoutSuggestions } from "./suggestions";

/**
 * HTML for a document, rendered on the server from the editor's own extension list, so a
 * preview, a published version and the editor all agree on what the content is. Content the schema
 * does not know (from a document stored before every change was checked) is left out, never an error.
 * A draft is read with its open suggestions rejected: suggestion marks are never shown as text.
 */
export function renderDocumentHTML(source: DocJSON): string {
  const doc = withoutSuggestions(source);
  try {
    return renderToHTMLString({ extensions: documentExtensions, content: doc });
  } catch {
    // Checked only on failure: learner pages render published content, which is valid, on every view.
    return renderToHTMLString({ extensions: documentExtensions, content: loadableDoc(doc) });
  }
}
