import { and, asc, eq, gt, lte } from "drizzle-orm";
import * as Y from "yjs";
import type { DB } from "../../db/client";
import { moduleDocs, moduleDocUpdates, moduleFacts } from "../../db/schema";
import { documentFacts } from "../documents/facts";
import type { DocJSON } from "../documents/json";
import { indexModuleText, indexUnreadModules } from "../search/indexing";
import { yDocFrom, yDocToJSON } from "./ydoc";

/**
 * The durable store behind each module document: a compacted state plus an append-only log of the
 * updates that arrived since. Loading = state + log; compaction folds the log into the state.
 */

export function initDocument(db: DB, moduleId: string, state: Uint8Array, now: Date) {
  db.insert(moduleDocs)
    .values({ moduleId, state: Buffer.from(state), compactedThrough: 0, updatedAt: now })
    .run();
}

/** Appends one update as it arrives. WAL + synchronous=NORMAL make it survive a process crash. */
export function appendUpdate(db: DB, moduleId: string, update: Uint8Array, userId: string | null, now: Date) {
  return db
    .insert(moduleDocUpdates)
    .values({ moduleId, userId, update: Buffer.from(update), createdAt: now })
    .returning({ id: moduleDocUpdates.id })
    .get().id;
}

export type StoredDocument = { state: Uint8Array | null; updates: { id: number; update: Uint8Array }[] };

export function readStoredDocument(db: DB, moduleId: string): StoredDocument {
  return db.transaction((tx) => {
    const row = tx.select().from(moduleDocs).where(eq(moduleDocs.moduleId, moduleId)).get();
    const updates = tx
      .select({ id: moduleDocUpdates.id, update: moduleDocUpdates.update })
      .from(moduleDocUpdates)
      .where(and(eq(moduleDocUpdates.moduleId, moduleId), gt(moduleDocUpdates.id, row?.compactedThrough ?? 0)))
      .orderBy(asc(moduleDocUpdates.id))
      .all();
    return { state: row?.state ?? null, updates };
  });
}

/** The document as Yjs, rebuilt from the store (for the server's own reads: publishing, snapshots, facts). */
export function loadYDoc(db: DB, moduleId: string): Y.Doc {
  const stored = readStoredDocument(db, moduleId);
  return yDocFrom(
    stored.state,
    stored.updates.map((u) => u.update),
  );
}

export function loadDocumentJSON(db: DB, moduleId: string): DocJSON {
  return yDocToJSON(loadYDoc(db, moduleId));
}

/**
 * Folds the logged updates into the compacted state, and returns the size of what is now stored.
 * The state is the document loaded afresh and encoded again: deleted content keeps only its place
 * (garbage collection, as in the live document), so a module rewritten or restored many times is
 * stored at about the size people see. Nothing reads deleted content from the stored state: history
 * keeps its own copies of the document, and credit is measured from the update rows, which stay.
 * `compactedThrough` only moves forward, so a crash mid-way loses nothing.
 */
export function compactDocument(db: DB, moduleId: string, now: Date): number | null {
  return db.transaction((tx) => {
    const stored = readStoredDocument(tx, moduleId);
    const last = stored.updates.at(-1);
    if (!last) return stored.state?.byteLength ?? null;
    const doc = yDocFrom(
      stored.state,
      stored.updates.map((u) => u.update),
    );
    const state = Buffer.from(Y.encodeStateAsUpdate(doc));
    doc.destroy();
    tx.insert(moduleDocs)
      .values({ moduleId, state, compactedThrough: last.id, updatedAt: now })
      .onConflictDoUpdate({
        target: moduleDocs.moduleId,
        set: { state, compactedThrough: last.id, updatedAt: now },
      })
      .run();
    return state.byteLength;
  });
}

/** Updates logged for a module up to an id, oldest first (for contribution measurement). */
export function updatesUpTo(db: DB, moduleId: string, maxId: number) {
  return db
    .select()
    .from(moduleDocUpdates)
    .where(and(eq(moduleDocUpdates.moduleId, moduleId), lte(moduleDocUpdates.id, maxId)))
    .orderBy(asc(moduleDocUpdates.id))
    .all();
}

/**
 * Recomputes the derived facts, and the module's text in the search index. The revision goes up only
 * when the content hash changes, so comment anchors and no-op syncs never make a sign-off stale (nor
 * index the same words again).
 */
export function refreshFacts(
  db: DB,
  moduleId: string,
  json: DocJSON,
  editedBy: string | null,
  now: Date,
): { revision: number; changed: boolean } {
  const facts = documentFacts(json);
  return db.transaction((tx) => {
    const current = tx.select().from(moduleFacts).where(eq(moduleFacts.moduleId, moduleId)).get();
    if (!current) {
      tx.insert(moduleFacts)
        .values({ moduleId, revision: 1, ...facts, lastEditedBy: editedBy, lastEditedAt: now, updatedAt: now })
        .run();
      indexModuleText(tx, moduleId, json);
      return { revision: 1, changed: true };
    }
    if (current.contentHash === facts.contentHash) return { revision: current.revision, changed: false };
    const revision = current.revision + 1;
    tx.update(moduleFacts)
      .set({ revision, ...facts, lastEditedBy: editedBy ?? current.lastEditedBy, lastEditedAt: now, updatedAt: now })
      .where(eq(moduleFacts.moduleId, moduleId))
      .run();
    indexModuleText(tx, moduleId, json);
    return { revision, changed: true };
  });
}

/** Indexes the text of the documents search has not read yet (those there were before search). */
export function indexUnreadDocuments(db: DB): number {
  return indexUnreadModules(db, (moduleId) => loadDocumentJSON(db, moduleId));
}
