import { and, desc, eq } from "drizzle-orm";
import type * as Y from "yjs";
import type { DB } from "../../db/client";
import { moduleFacts, moduleSnapshots, users } from "../../db/schema";
import { recordAudit } from "../audit/service";
import type { Actor } from "../auth/policy";
import { FRAGMENT } from "../collaboration/protocol";
import type { CollabControl } from "../collaboration/server";
import { jsonToYDoc } from "../collaboration/ydoc";
import type { DocJSON } from "../documents/json";
import { NotFoundError } from "../shared/errors";
import { newId } from "../shared/ids";
import { requireFacilitation } from "../workshop/service";

export type SnapshotKind = (typeof moduleSnapshots.$inferSelect)["kind"];

function currentRevision(db: DB, moduleId: string): number {
  return (
    db.select({ r: moduleFacts.revision }).from(moduleFacts).where(eq(moduleFacts.moduleId, moduleId)).get()?.r ?? 1
  );
}

export function takeSnapshot(
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

export function listSnapshots(db: DB, moduleId: string) {
  return db
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
}

/** A snapshot of this module (a forged id from elsewhere is "not found"). */
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

/**
 * Makes the live document match a snapshot, as one new change by the person restoring. Everyone
 * connected sees it at once; the update log, the snapshots and a copy of what was there just before
 * are all kept, so nothing is lost.
 */
export async function restoreSnapshot(
  db: DB,
  collab: CollabControl,
  actor: Actor,
  moduleId: string,
  snapshotId: string,
  now = new Date(),
) {
  requireFacilitation(db, actor, moduleId);
  const snapshot = getSnapshot(db, moduleId, snapshotId);
  await collab.settle(moduleId);
  takeSnapshot(
    db,
    {
      moduleId,
      name: `Before restoring “${snapshot.name}”`,
      kind: "before_restore",
      userId: actor.userId,
      doc: collab.current(moduleId),
    },
    now,
  );
  const source = jsonToYDoc(snapshot.doc).getXmlFragment(FRAGMENT);
  await collab.change(moduleId, actor.userId, (doc) => {
    const fragment = doc.getXmlFragment(FRAGMENT);
    fragment.delete(0, fragment.length);
    fragment.insert(
      0,
      source.toArray().map((node) => node.clone() as Y.XmlElement | Y.XmlText),
    );
  });
  await collab.settle(moduleId);
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
