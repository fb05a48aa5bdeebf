import { renderToHTMLString } from "@tiptap/static-renderer/pm/html-string";
import { documentExtensions } from "./extensions";
import type { DocJSON } from "./json";

/**
 * HTML for a document, rendered on the server from the editor's own extension list, so a
 * preview, a published version and the editor all agree on what the content is.
 */
export function renderDocumentHTML(doc: DocJSON): string {
  return renderToHTMLString({ extensions: documentExtensions, content: doc });
}
