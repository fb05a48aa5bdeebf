/**
 * For end-to-end tests of states no editor can reach any more: appends an update straight to a
 * module's stored log in a server's database file, while that server runs (WAL lets this second
 * connection write beside it). Nobody may have the module open at the time, or the server's live copy
 * would not have the change.
 */
import Database from "better-sqlite3";
import * as Y from "yjs";

export function appendToStoredDocument(databasePath: string, moduleId: string, change: (doc: Y.Doc) => void) {
  const db = new Database(databasePath, { fileMustExist: true });
  db.pragma("busy_timeout = 5000");
  try {
    const stored = db
      .prepare("select state, compacted_through as through from module_docs where module_id = ?")
      .get(moduleId) as { state: Buffer; through: number } | undefined;
    if (!stored) throw new Error(`module ${moduleId} has no stored document`);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, stored.state);
    const later = db
      .prepare('select "update" from module_doc_updates where module_id = ? and id > ? order by id')
      .all(moduleId, stored.through) as { update: Buffer }[];
    for (const row of later) Y.applyUpdate(doc, row.update);
    const before = Y.encodeStateVector(doc);
    change(doc);
    db.prepare('insert into module_doc_updates (module_id, user_id, "update", created_at) values (?, null, ?, ?)').run(
      moduleId,
      Buffer.from(Y.encodeStateAsUpdate(doc, before)),
      Date.now(),
    );
  } finally {
    db.close();
  }
}
