import { and, desc, eq, isNotNull, isNull, ne, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { DB } from "../../db/client";
import { prepared } from "../../db/prepared";
import { moduleCollaborators, moduleFacts, modules, moduleVersions, users } from "../../db/schema";
import { recordAudit } from "../audit/service";
import { type Context, inTransaction } from "../auth/context";
import { type Actor, authorize, can, canOpenWorkshop, type Standing } from "../auth/policy";
import { initDocument, refreshFacts } from "../collaboration/store";
import { jsonToUpdate } from "../collaboration/ydoc";
import { type DocJSON, EMPTY_DOC, validateDoc } from "../documents/json";
import { ForbiddenError, InvalidError } from "../shared/errors";
import { newId } from "../shared/ids";
import { loadModule } from "./module-access";
import type { ModuleDetails, ModuleStatus, ModuleTopic } from "./schemas";
import { setModuleStatus } from "./status";

export type NewModule = ModuleDetails & {
  orgId: string;
  createdBy: string;
  doc?: DocJSON;
  originCredit?: string | null;
};

/**
 * Creates a module with its first document, making its creator the facilitator. Runs inside the
 * caller's transaction when there is one, so an import of many modules is all or nothing. For the
 * use cases that create modules and for system work (the demo seed, the content import).
 */
export function createModule(db: DB, input: NewModule, now = new Date()) {
  const doc = input.doc ?? EMPTY_DOC;
  const valid = validateDoc(doc);
  if (!valid.ok) throw new InvalidError(`The document does not fit the module format: ${valid.message}`);
  const id = newId();
  db.insert(modules)
    .values({
      id,
      orgId: input.orgId,
      title: input.title,
      topic: input.topic,
      customTopic: input.topic === "other" ? input.customTopic : "",
      summary: input.summary,
      estimatedMinutes: input.estimatedMinutes,
      originCredit: input.originCredit ?? null,
      createdBy: input.createdBy,
      createdAt: now,
      updatedAt: now,
    })
    .run();
  db.insert(moduleCollaborators)
    .values({ moduleId: id, userId: input.createdBy, role: "facilitator", addedBy: input.createdBy, addedAt: now })
    .run();
  initDocument(db, id, jsonToUpdate(doc), now);
  refreshFacts(db, id, doc, input.createdBy, now);
  recordAudit(
    db,
    { orgId: input.orgId, actorUserId: input.createdBy, action: "module.created", targetType: "module", targetId: id },
    now,
  );
  return { id };
}

/**
 * A module by its id alone, for system work with no one asking (the demo seed, the content CLI, the
 * live access check, which then finds the person in the module's own organisation). Use cases load
 * modules with `loadModule`, inside the actor's organisation.
 */
export function getModule(db: DB, id: string) {
  return db.select().from(modules).where(eq(modules.id, id)).get();
}

/** A blank module, made by a facilitator, who becomes its first collaborator. */
export function newModule(ctx: Context, details: ModuleDetails) {
  authorize(ctx.actor, "module.create");
  return inTransaction(ctx, (tx) =>
    createModule(tx.db, { ...details, orgId: tx.actor.orgId, createdBy: tx.actor.userId }, tx.now),
  );
}

/**
 * Whether the person is on any module of the organisation (every page's header asks). `get()` stops
 * at the first row, so it needs no `limit 1`: drizzle binds a limit as a parameter, and a bound limit
 * made this query take four times as long (19 µs against 4 µs).
 */
const onAnyModuleQuery = prepared((db) =>
  db
    .select({ moduleId: moduleCollaborators.moduleId })
    .from(moduleCollaborators)
    .innerJoin(modules, and(eq(modules.id, moduleCollaborators.moduleId), eq(modules.orgId, sql.placeholder("orgId"))))
    .where(and(eq(moduleCollaborators.userId, sql.placeholder("userId")), isNull(moduleCollaborators.removedAt)))
    .prepare(),
);

export function standingOf(db: DB, actor: Pick<Actor, "orgId" | "userId">): Standing {
  return { collaborator: onAnyModuleQuery(db).get({ orgId: actor.orgId, userId: actor.userId }) !== undefined };
}

/** The Workshop is open to the organisation's facilitators and co-designers, and to anyone on a module. */
export function openWorkshop(db: DB, actor: Actor) {
  if (!canOpenWorkshop(actor, standingOf(db, actor))) {
    throw new ForbiddenError("The Workshop opens once you are working on a module.");
  }
}

export type ModuleFilters = { topic?: ModuleTopic; status?: ModuleStatus; mine?: boolean };

/**
 * The Workshop list: facilitators, the lived-experience panel and safeguarding reviewers see every
 * module of the organisation; others see the ones shared with them. Says too whether the person may start new ones.
 */
export function listModules(ctx: Context, filters: ModuleFilters) {
  const { db, actor } = ctx;
  openWorkshop(db, actor);
  const mine = alias(moduleCollaborators, "mine");
  const editor = alias(users, "editor");
  const conditions = [eq(modules.orgId, actor.orgId)];
  if (filters.topic) conditions.push(eq(modules.topic, filters.topic));
  if (filters.status) conditions.push(eq(modules.status, filters.status));
  else conditions.push(ne(modules.status, "archived"));
  if (filters.mine || !can(actor, "workshop.view_all")) conditions.push(isNotNull(mine.role));
  const list = db
    .select({
      id: modules.id,
      title: modules.title,
      topic: modules.topic,
      customTopic: modules.customTopic,
      summary: modules.summary,
      status: modules.status,
      estimatedMinutes: modules.estimatedMinutes,
      originCredit: modules.originCredit,
      myRole: mine.role,
      wordCount: moduleFacts.wordCount,
      sectionCount: moduleFacts.sectionCount,
      blockCounts: moduleFacts.blockCounts,
      lastEditedAt: moduleFacts.lastEditedAt,
      lastEditedBy: editor.name,
      updatedAt: modules.updatedAt,
    })
    .from(modules)
    .leftJoin(moduleFacts, eq(moduleFacts.moduleId, modules.id))
    .leftJoin(editor, eq(editor.id, moduleFacts.lastEditedBy))
    .leftJoin(mine, and(eq(mine.moduleId, modules.id), eq(mine.userId, actor.userId), isNull(mine.removedAt)))
    .where(and(...conditions))
    .orderBy(desc(sql`coalesce(${moduleFacts.lastEditedAt}, ${modules.updatedAt})`))
    .all();
  return { modules: list, canCreate: can(actor, "module.create") };
}

/** The figures the workshop keeps about a module's document. Call it after a scoped load of the module. */
export function moduleFactsOf(db: DB, moduleId: string) {
  const editor = alias(users, "editor");
  return db
    .select({
      revision: moduleFacts.revision,
      wordCount: moduleFacts.wordCount,
      sectionCount: moduleFacts.sectionCount,
      blockCounts: moduleFacts.blockCounts,
      lastEditedAt: moduleFacts.lastEditedAt,
      lastEditedBy: editor.name,
    })
    .from(moduleFacts)
    .leftJoin(editor, eq(editor.id, moduleFacts.lastEditedBy))
    .where(eq(moduleFacts.moduleId, moduleId))
    .get();
}

export function updateModuleDetails(ctx: Context, moduleId: string, details: ModuleDetails) {
  inTransaction(ctx, (tx) => {
    loadModule(tx, moduleId, "facilitate");
    tx.db
      .update(modules)
      .set({
        title: details.title,
        topic: details.topic,
        customTopic: details.topic === "other" ? details.customTopic : "",
        summary: details.summary,
        estimatedMinutes: details.estimatedMinutes,
        updatedAt: tx.now,
      })
      .where(and(eq(modules.id, moduleId), eq(modules.orgId, tx.actor.orgId)))
      .run();
  });
}

/**
 * Archiving keeps everything; the module simply becomes read-only and leaves the default lists. Open
 * editors follow (the event reaches the collaboration server); archiving an archived module changes
 * nothing and tells nothing.
 */
export function setArchived(ctx: Context, moduleId: string, archived: boolean) {
  inTransaction(ctx, (tx) => {
    const { db, actor, now } = tx;
    const { module } = loadModule(tx, moduleId, "facilitate");
    if ((module.status === "archived") === archived) return;
    const published = db
      .select({ id: moduleVersions.id })
      .from(moduleVersions)
      .where(eq(moduleVersions.moduleId, moduleId))
      .limit(1)
      .get();
    // Out of the archive, a module that was ever published is published again; otherwise a draft.
    const status: ModuleStatus = archived ? "archived" : published ? "published" : "draft";
    setModuleStatus(db, moduleId, status, now);
    recordAudit(
      db,
      {
        orgId: actor.orgId,
        actorUserId: actor.userId,
        action: archived ? "module.archived" : "module.unarchived",
        targetType: "module",
        targetId: moduleId,
      },
      now,
    );
    tx.events.emit({ type: archived ? "module.archived" : "module.restored", moduleId });
  });
}
