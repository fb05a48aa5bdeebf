import { and, desc, eq } from "drizzle-orm";
import type * as Y from "yjs";
import type { DB } from "../../db/client";
import { moduleFacts, moduleSnapshots, users } from "../../db/schema";
import { recordAudit } from "../audit/service";
import { type Context, inTransaction } from "../auth/context";
import { FRAGMENT } from "../collaboration/protocol";
import type { LiveDocuments } from "../collaboration/server";
import { jsonToYDoc } from "../collaboration/ydoc";
import type { DocJSON } from "../documents/json";
import { renderDocumentHTML } from "../documents/render";
import { withoutStories } from "../documents/stories";
import { NotFoundError } from "../shared/errors";
import { isId, newId } from "../shared/ids";
import { loadModule } from "../workshop/module-access";
import { compareDocs } from "./diff";

export type SnapshotKind = (typeof moduleSnapshots.$inferSelect)["kind"];

function currentRevision(db: DB, moduleId: string): number {
  return (
    db.select({ r: moduleFacts.revision }).from(moduleFacts).where(eq(moduleFacts.moduleId, moduleId)).get()?.r ?? 1
  );
}

/**
 * Keeps a copy of the document in the module's history. For the use cases here and of review and
 * publishing (review started, published), each after its own scoped load of the module.
 */
export function recordSnapshot(
  db: DB,
  input: { moduleId: string; name: string; kind: SnapshotKind; userId: string | null; doc: DocJSON },
  now = new Date(),
) {
  const id = newId();
  db.insert(moduleSnapshots)
    .values({
      id,
      moduleId: input.moduleId,
      name: input.name,
      kind: input.kind,
      revision: currentRevision(db, input.moduleId),
      doc: input.doc as Record<string, unknown>,
      createdBy: input.userId,
      createdAt: now,
    })
    .run();
  return id;
}

/**
 * Takes a withdrawn story out of every snapshot of its module, leaving its place marked withdrawn:
 * history keeps that a story was there and was withdrawn, never its words (ADR 33).
 */
export function eraseStoryFromSnapshots(db: DB, moduleId: string, storyId: string) {
  const rows = db
    .select({ id: moduleSnapshots.id, doc: moduleSnapshots.doc })
    .from(moduleSnapshots)
    .where(eq(moduleSnapshots.moduleId, moduleId))
    .all();
  for (const row of rows) {
    const before = row.doc as DocJSON;
    const doc = withoutStories(before, new Set([storyId]));
    if (doc !== before) {
      db.update(moduleSnapshots)
        .set({ doc: doc as Record<string, unknown> })
        .where(eq(moduleSnapshots.id, row.id))
        .run();
    }
  }
}

/** The module's snapshots, newest first, and whether the person may take one. */
export function listSnapshots(ctx: Context, moduleId: string) {
  const { access } = loadModule(ctx, moduleId);
  const snapshots = ctx.db
    .select({
      id: moduleSnapshots.id,
      name: moduleSnapshots.name,
      kind: moduleSnapshots.kind,
      revision: moduleSnapshots.revision,
      createdAt: moduleSnapshots.createdAt,
      createdBy: users.name,
    })
    .from(moduleSnapshots)
    .leftJoin(users, eq(users.id, moduleSnapshots.createdBy))
    .where(eq(moduleSnapshots.moduleId, moduleId))
    .orderBy(desc(moduleSnapshots.createdAt))
    .all();
  return { snapshots, canSnapshot: access.comment };
}

/** A snapshot of this module (a forged id from elsewhere is "not found"). Call it after a scoped load. */
export function getSnapshot(db: DB, moduleId: string, snapshotId: string) {
  const row = db
    .select({ snapshot: moduleSnapshots, createdBy: users.name })
    .from(moduleSnapshots)
    .leftJoin(users, eq(users.id, moduleSnapshots.createdBy))
    .where(and(eq(moduleSnapshots.id, snapshotId), eq(moduleSnapshots.moduleId, moduleId)))
    .get();
  if (!row) throw new NotFoundError("That version");
  return { ...row.snapshot, doc: row.snapshot.doc as DocJSON, createdByName: row.createdBy };
}

/** One snapshot, read-only, and whether the person may bring the module back to it. */
export function snapshotPage(ctx: Context, moduleId: string, snapshotId: string) {
  const { access } = loadModule(ctx, moduleId);
  const snapshot = getSnapshot(ctx.db, moduleId, snapshotId);
  return {
    moduleId,
    snapshot: {
      id: snapshot.id,
      name: snapshot.name,
      revision: snapshot.revision,
      createdAt: snapshot.createdAt,
      createdBy: snapshot.createdByName,
    },
    html: renderDocumentHTML(snapshot.doc),
    canRestore: access.facilitate && access.edit,
  };
}

/** The version a restore just brought back, for the editor page to confirm; null for any other id. */
export function restoredSnapshot(ctx: Context, moduleId: string, snapshotId: string | null) {
  loadModule(ctx, moduleId);
  if (!isId(snapshotId)) return null;
  const row = ctx.db
    .select({ name: moduleSnapshots.name, createdAt: moduleSnapshots.createdAt })
    .from(moduleSnapshots)
    .where(and(eq(moduleSnapshots.id, snapshotId), eq(moduleSnapshots.moduleId, moduleId)))
    .get();
  return row ?? null;
}

/** A snapshot a collaborator takes to mark a moment, of the live document as it stands. */
export async function takeSnapshot(ctx: Context, documents: LiveDocuments, moduleId: string, name: string) {
  loadModule(ctx, moduleId, "comment");
  await documents.settle(moduleId);
  const doc = documents.current(moduleId);
  return inTransaction(ctx, (tx) => {
    loadModule(tx, moduleId, "comment");
    return recordSnapshot(tx.db, { moduleId, name, kind: "manual", userId: tx.actor.userId, doc }, tx.now);
  });
}

/**
 * Makes the live document match a snapshot, as one new change by the person restoring. Everyone
 * connected sees it at once; the update log, the snapshots and a copy of what was there just before
 * are all kept, so nothing is lost. Only a facilitator who may edit the module restores it: an
 * archived module stays as it is.
 */
export async function restoreSnapshot(ctx: Context, documents: LiveDocuments, moduleId: string, snapshotId: string) {
  const { db, actor, now } = ctx;
  loadModule(ctx, moduleId, "facilitate", "edit");
  const snapshot = getSnapshot(db, moduleId, snapshotId);
  await documents.settle(moduleId);
  recordSnapshot(
    db,
    {
      moduleId,
      name: `Before restoring “${snapshot.name}”`,
      kind: "before_restore",
      userId: actor.userId,
      doc: documents.current(moduleId),
    },
    now,
  );
  const source = jsonToYDoc(snapshot.doc).getXmlFragment(FRAGMENT);
  await documents.change(moduleId, actor.userId, (doc) => {
    const fragment = doc.getXmlFragment(FRAGMENT);
    fragment.delete(0, fragment.length);
    fragment.insert(
      0,
      source.toArray().map((node) => node.clone() as Y.XmlElement | Y.XmlText),
    );
  });
  await documents.settle(moduleId);
  recordAudit(
    db,
    {
      orgId: actor.orgId,
      actorUserId: actor.userId,
      action: "module.restored",
      targetType: "module",
      targetId: moduleId,
      detail: { snapshotId, name: snapshot.name },
    },
    now,
  );
}

/** Which versions to compare: a snapshot of the module, or the module as it is now ("current"). */
export type VersionRef = { kind: "current" } | { kind: "snapshot"; id: string };

/** Two versions of the module side by side, part by part. */
export function compareVersions(
  ctx: Context,
  documents: LiveDocuments,
  moduleId: string,
  refs: { from: VersionRef; to: VersionRef },
) {
  loadModule(ctx, moduleId);
  const version = (ref: VersionRef) => {
    if (ref.kind === "current") return { name: "The module now", doc: documents.current(moduleId) };
    const s = getSnapshot(ctx.db, moduleId, ref.id);
    return { name: s.name, doc: s.doc };
  };
  const from = version(refs.from);
  const to = version(refs.to);
  return { moduleId, fromName: from.name, toName: to.name, rows: compareDocs(from.doc, to.doc) };
}
