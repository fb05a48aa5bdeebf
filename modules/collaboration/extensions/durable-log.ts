import { type Extension, isTransactionOrigin } from "@hocuspocus/server";
import * as Y from "yjs";
import type { DB } from "../../../db/client";
import type { CollabContext } from "../access";
import { moduleIdFromDocumentName } from "../protocol";
import { repairDocument } from "../repair";
import { appendUpdate, compactDocument, readStoredDocument } from "../store";
import type { LoadedDocuments } from "./documents";

function userFrom(origin: unknown): string | null {
  if (!isTransactionOrigin(origin)) return null;
  if (origin.source === "connection") return (origin.connection.context as CollabContext).userId ?? null;
  if (origin.source === "local") return (origin.context as { userId?: string } | undefined)?.userId ?? null;
  return null;
}

const fromOtherProcess = (origin: unknown) =>
  typeof origin === "object" && origin !== null && (origin as { source?: unknown }).source === "redis";

export type DurableLog = Extension<CollabContext> & {
  /** Folds every loaded document's log into its compacted state (at shutdown: the log is already durable). */
  compactLoaded(): void;
};

/**
 * The durable store behind the live documents: a document is loaded from its compacted state and
 * log (repaired if it holds what the editor cannot load, refused if it cannot be read), every update
 * is appended to the log as it is applied, and each debounced store compacts the log.
 */
export function durableLog({ db, documents }: { db: DB; documents: LoadedDocuments }): DurableLog {
  return {
    extensionName: "DurableLog",

    async onLoadDocument({ document, documentName }) {
      const moduleId = moduleIdFromDocumentName(documentName);
      if (!moduleId) throw { reason: "document-unavailable" };
      try {
        const stored = readStoredDocument(db, moduleId);
        if (!stored.state && stored.updates.length === 0) throw new Error("no stored document");
        Y.transact(document, () => {
          if (stored.state) Y.applyUpdate(document, stored.state);
          for (const u of stored.updates) Y.applyUpdate(document, u.update);
        });
        // A document stored before every change was checked may hold what the editor cannot load:
        // it is repaired now, as a logged change by no one, so every editor and page gets a valid one.
        const repairs: Uint8Array[] = [];
        const collect = (update: Uint8Array) => repairs.push(update);
        document.on("update", collect);
        try {
          if (repairDocument(document)) {
            for (const update of repairs) appendUpdate(db, moduleId, update, null, new Date());
            console.warn(`Module document ${moduleId} held content the editor cannot load; it was removed.`);
          }
        } finally {
          document.off("update", collect);
        }
      } catch (error) {
        // Refuse the connection rather than serve (and later store) an empty or partial document.
        console.error(`Module document ${moduleId} could not be loaded; it was left untouched.`, error);
        throw { reason: "document-unavailable" };
      }
      documents.set(documentName, { moduleId, bytes: Y.encodeStateAsUpdate(document).byteLength });
    },

    async afterLoadDocument({ document, documentName }) {
      const state = documents.get(documentName);
      if (!state) return;
      // Listening only once loading is done keeps the stored state and log from being appended again.
      // Yjs emits "update" synchronously while applying an incoming message, before Hocuspocus
      // acknowledges it, so an acknowledged ("Saved") change is already in SQLite.
      document.on("update", (update: Uint8Array, origin: unknown) => {
        state.bytes += update.byteLength;
        // An update another process took arrives through Redis already appended there (ADR 21).
        if (fromOtherProcess(origin)) return;
        appendUpdate(db, state.moduleId, update, userFrom(origin), new Date());
      });
    },

    async onStoreDocument({ document, documentName }) {
      const state = documents.get(documentName);
      if (!state) return;
      // The size limit counts what is stored; updates logged from now on are added as they arrive.
      state.bytes = compactDocument(db, state.moduleId, new Date()) ?? Y.encodeStateAsUpdate(document).byteLength;
    },

    async afterUnloadDocument({ documentName }) {
      documents.delete(documentName);
    },

    compactLoaded() {
      const now = new Date();
      for (const state of documents.values()) compactDocument(db, state.moduleId, now);
    },
  };
}
