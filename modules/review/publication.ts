import { and, desc, eq } from "drizzle-orm";
import type { DB } from "../../db/client";
import { moduleSnapshots, moduleVersions } from "../../db/schema";
import type { DocJSON } from "../documents/json";
import { sameContent } from "../history/diff";
import { type ModuleStatus, STATUS_LABELS } from "../workshop/schemas";

// Review asks this first (is there anything new to review?), and publishing builds on review, so the
// latest publication is read here: publishing depends on review, never the other way round.

export type Publication = {
  version: number;
  versionId: string;
  /** The draft differs from the latest version: there is something new to review and publish. */
  draftChanged: boolean;
  /** The snapshot taken when it was published, to compare the draft with (none for imported versions). */
  snapshotId: string | null;
};

/** The module's latest published version, and whether the draft has moved on since. */
export function publicationOf(db: DB, moduleId: string, draft: DocJSON): Publication | null {
  const latest = db
    .select({ id: moduleVersions.id, version: moduleVersions.version, doc: moduleVersions.doc })
    .from(moduleVersions)
    .where(eq(moduleVersions.moduleId, moduleId))
    .orderBy(desc(moduleVersions.version))
    .limit(1)
    .get();
  if (!latest) return null;
  const snapshot = db
    .select({ id: moduleSnapshots.id })
    .from(moduleSnapshots)
    .where(and(eq(moduleSnapshots.moduleId, moduleId), eq(moduleSnapshots.kind, "publish")))
    .orderBy(desc(moduleSnapshots.createdAt))
    .limit(1)
    .get();
  return {
    version: latest.version,
    versionId: latest.id,
    draftChanged: !sameContent(latest.doc as DocJSON, draft),
    snapshotId: snapshot?.id ?? null,
  };
}

/** The status as people need to read it: a published module says which version, and whether the draft moved on. */
export function statusLabel(status: ModuleStatus, publication: Publication | null): string {
  if (status !== "published" || !publication) return STATUS_LABELS[status];
  return publication.draftChanged
    ? `Published (version ${publication.version}); the draft has changes since`
    : `Published (version ${publication.version})`;
}
