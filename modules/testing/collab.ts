import * as Y from "yjs";
import type { DB } from "../../db/client";
import type { CollabControl } from "../collaboration/server";
import { appendUpdate, loadDocumentJSON, loadYDoc, refreshFacts } from "../collaboration/store";

/**
 * A real `CollabControl` without the WebSocket server: the same store the server writes to, with no
 * live documents. `current` reads the stored document, `settle` refreshes its facts (and so its
 * revision) exactly as the server does when no editor has it open, and `change` applies an edit to
 * the stored document and appends the update to its log, as an editor's change would arrive.
 * With no live connections, checking access again and notifying have nobody to reach, and nobody is present.
 */
export function storeCollab(db: DB): CollabControl {
  return {
    recheck() {},
    notify() {},
    current: (moduleId) => loadDocumentJSON(db, moduleId),
    present: () => [],
    async settle(moduleId) {
      refreshFacts(db, moduleId, loadDocumentJSON(db, moduleId), null, new Date());
    },
    async change(moduleId, userId, edit) {
      const doc = loadYDoc(db, moduleId);
      const before = Y.encodeStateVector(doc);
      doc.transact(() => edit(doc), userId);
      const update = Y.encodeStateAsUpdate(doc, before);
      appendUpdate(db, moduleId, update, userId, new Date());
    },
  };
}
