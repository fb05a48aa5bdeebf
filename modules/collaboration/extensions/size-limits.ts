import type { Extension } from "@hocuspocus/server";
import * as Y from "yjs";
import type { CollabContext } from "../access";
import { updateIn } from "../messages";
import { MAX_DOCUMENT_BYTES } from "../protocol";
import { REFUSALS, refuse } from "../refusal";
import type { LoadedDocuments } from "./documents";

/**
 * A document past its size limit takes only changes that remove content. It runs after the update
 * guards, so the message is known to be readable and acceptable; it is decoded here again only when
 * the document is already full, which keeps the usual case free.
 */
export function sizeLimits(documents: LoadedDocuments): Extension<CollabContext> {
  return {
    extensionName: "SizeLimits",

    async beforeHandleMessage({ update: message, documentName, connection, context }) {
      if (context.readOnly) return;
      const state = documents.get(documentName);
      if (!state || state.bytes <= MAX_DOCUMENT_BYTES) return;
      const update = updateIn(message);
      if (update && Y.decodeUpdate(update).structs.length > 0) refuse(connection, REFUSALS.documentFull);
    },
  };
}
