import { and, desc, eq, max, sql } from "drizzle-orm";
import type { DB } from "../../db/client";
import { modules, moduleVersions, storyWithdrawals } from "../../db/schema";
import { recordAudit } from "../audit/service";
import { type Context, inTransaction } from "../auth/context";
import type { LiveDocuments } from "../collaboration/server";
import { listContributions } from "../credits/service";
import type { DocJSON } from "../documents/json";
import { storyProblems, withoutStories } from "../documents/stories";
import { recordSnapshot } from "../history/service";
import { imagesProblem } from "../images/service";
import { panelGate } from "../panel/signoffs";
import { reviewState } from "../review/service";
import { refuseOpenSuggestions } from "../review/suggestions";
import { InvalidError, NotFoundError } from "../shared/errors";
import { newId } from "../shared/ids";
import { loadModule, type ModuleRow } from "../workshop/module-access";
import { setModuleStatus } from "../workshop/status";
import { versionContent } from "./content";

/**
 * Freezes a module's current document into a new numbered version. Credits hold people, not names:
 * names are resolved when shown, so a change of credit choice applies to published work too. For
 * `publishModule` and for system work (the demo seed), with the module already loaded.
 */
export function createModuleVersion(
  db: DB,
  input: { module: ModuleRow; doc: DocJSON; changelog: string; publishedBy: string | null },
  now = new Date(),
) {
  const { module } = input;
  const content = versionContent(input.doc, withdrawnStoriesOf(db, module.id));
  const latest = db
    .select({ v: max(moduleVersions.version) })
    .from(moduleVersions)
    .where(eq(moduleVersions.moduleId, module.id))
    .get();
  const version = (latest?.v ?? 0) + 1;
  const id = newId();
  db.insert(moduleVersions)
    .values({
      id,
      moduleId: module.id,
      orgId: module.orgId,
      version,
      title: module.title,
      summary: module.summary,
      topic: module.topic === "other" ? module.customTopic : module.topic,
      estimatedMinutes: module.estimatedMinutes,
      changelog: input.changelog,
      doc: content.doc as Record<string, unknown>,
      html: content.html,
      sections: content.sections,
      contentNotes: content.contentNotes,
      credits: listContributions(db, module.id).map((c) => ({ userId: c.userId, role: c.role })),
      originCredit: module.originCredit,
      publishedBy: input.publishedBy,
      publishedAt: now,
    })
    .run();
  setModuleStatus(db, module.id, "published", now);
  return { id, version };
}

/** The ids of a module's stories that their storytellers withdrew. */
function withdrawnStoriesOf(db: DB, moduleId: string): Set<string> {
  const rows = db
    .select({ storyId: storyWithdrawals.storyId })
    .from(storyWithdrawals)
    .where(eq(storyWithdrawals.moduleId, moduleId))
    .all();
  return new Set(rows.map((r) => r.storyId));
}

/**
 * Takes a withdrawn story out of every published version of its module: the stored document and its
 * HTML keep the story's place, marked withdrawn, and nothing of it. The one change a published version
 * ever takes (ADR 33). Returns the versions it changed.
 */
export function eraseStoryFromVersions(db: DB, input: { orgId: string; moduleId: string; storyId: string }) {
  const versions = db
    .select({ id: moduleVersions.id, doc: moduleVersions.doc })
    .from(moduleVersions)
    .where(and(eq(moduleVersions.moduleId, input.moduleId), eq(moduleVersions.orgId, input.orgId)))
    .all();
  const changed: string[] = [];
  for (const version of versions) {
    const before = version.doc as DocJSON;
    const doc = withoutStories(before, new Set([input.storyId]));
    if (doc === before) continue;
    const content = versionContent(doc);
    db.update(moduleVersions)
      .set({ doc: content.doc as Record<string, unknown>, html: content.html })
      .where(eq(moduleVersions.id, version.id))
      .run();
    changed.push(version.id);
  }
  return changed;
}

const NOT_IN_REVIEW = "Start the review first: everyone working on the module signs it off before it is published.";

/**
 * Publishes the module as agreed: only when every current collaborator has signed off the current
 * revision, once the live document's latest edits are counted, with no suggestion left open, and
 * where the organisation asks for them, the panel and a safeguarding reviewer have signed it off too. The published text is snapshotted in
 * the module's history too.
 */
export async function publishModule(
  ctx: Context,
  documents: LiveDocuments,
  moduleId: string,
  input: { changelog: string },
) {
  const { module } = loadModule(ctx, moduleId, "facilitate");
  if (module.status !== "in_review") throw new InvalidError(NOT_IN_REVIEW);
  await documents.settle(moduleId);
  const doc = documents.current(moduleId);
  refuseOpenSuggestions(doc, "Publishing");
  return inTransaction(ctx, (tx) => {
    const { db, actor, now } = tx;
    const { module } = loadModule(tx, moduleId, "facilitate");
    if (module.status !== "in_review") throw new InvalidError(NOT_IN_REVIEW);
    const [storyProblem] = storyProblems(doc);
    if (storyProblem) throw new InvalidError(storyProblem);
    const review = reviewState(db, moduleId);
    if (!review.ready) {
      throw new InvalidError(
        `Everyone must sign off revision ${review.revision} first. Still waiting for: ${review.waitingFor.map((p) => p.name).join(", ")}.`,
      );
    }
    const panel = panelGate(db, module.orgId, moduleId);
    if (panel) throw new InvalidError(panel);
    const images = imagesProblem(db, module.orgId, doc);
    if (images) throw new InvalidError(images);
    const created = createModuleVersion(
      db,
      { module, doc, changelog: input.changelog, publishedBy: actor.userId },
      now,
    );
    recordSnapshot(
      db,
      { moduleId, name: `Published as version ${created.version}`, kind: "publish", userId: actor.userId, doc },
      now,
    );
    recordAudit(
      db,
      {
        orgId: actor.orgId,
        actorUserId: actor.userId,
        action: "module.published",
        targetType: "module",
        targetId: moduleId,
        detail: { version: created.version },
      },
      now,
    );
    tx.events.emit({ type: "review.changed", moduleId });
    return created;
  });
}

/** Takes a module off the list of publishable modules. Its versions, and everyone taking them, stay. */
export function unpublishModule(ctx: Context, moduleId: string) {
  inTransaction(ctx, (tx) => {
    const { db, actor, now } = tx;
    const { module } = loadModule(tx, moduleId, "facilitate");
    if (module.status !== "published") return;
    setModuleStatus(db, moduleId, "draft", now);
    recordAudit(
      db,
      {
        orgId: actor.orgId,
        actorUserId: actor.userId,
        action: "module.unpublished",
        targetType: "module",
        targetId: moduleId,
      },
      now,
    );
    tx.events.emit({ type: "review.changed", moduleId });
  });
}

/** The module's published versions, newest first. */
export function listModuleVersions(ctx: Context, moduleId: string) {
  loadModule(ctx, moduleId);
  return ctx.db
    .select({
      id: moduleVersions.id,
      version: moduleVersions.version,
      changelog: moduleVersions.changelog,
      publishedAt: moduleVersions.publishedAt,
    })
    .from(moduleVersions)
    .where(and(eq(moduleVersions.moduleId, moduleId), eq(moduleVersions.orgId, ctx.actor.orgId)))
    .orderBy(desc(moduleVersions.version))
    .all();
}

export function getModuleVersion(db: DB, orgId: string, versionId: string) {
  const row = db
    .select()
    .from(moduleVersions)
    .where(and(eq(moduleVersions.id, versionId), eq(moduleVersions.orgId, orgId)))
    .get();
  if (!row) throw new NotFoundError("That module version");
  return { ...row, doc: row.doc as DocJSON };
}

/** Published modules of an organisation with their latest version, for composing courses. */
export function publishableModules(db: DB, orgId: string) {
  return db
    .select({
      moduleId: moduleVersions.moduleId,
      versionId: moduleVersions.id,
      version: moduleVersions.version,
      title: moduleVersions.title,
      estimatedMinutes: moduleVersions.estimatedMinutes,
    })
    .from(moduleVersions)
    .innerJoin(modules, eq(modules.id, moduleVersions.moduleId))
    .where(
      and(
        eq(moduleVersions.orgId, orgId),
        eq(modules.status, "published"),
        sql`${moduleVersions.version} = (select max(v2.version) from module_versions v2 where v2.module_id = ${moduleVersions.moduleId})`,
      ),
    )
    .orderBy(moduleVersions.title)
    .all();
}
