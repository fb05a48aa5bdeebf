import { and, asc, eq, ne } from "drizzle-orm";
import { modules, moduleTemplates } from "../../db/schema";
import { type Context, inTransaction } from "../auth/context";
import { authorize, can } from "../auth/policy";
import { NotFoundError } from "../shared/errors";
import { loadModule } from "../workshop/module-access";
import { copyModule } from "./copy";

/** Marks or unmarks a module as one of the organisation's templates; marking twice changes nothing. */
export function setTemplate(ctx: Context, moduleId: string, template: boolean) {
  inTransaction(ctx, (tx) => {
    const { module } = loadModule(tx, moduleId, "facilitate");
    authorize(tx.actor, "module.create", module);
    if (!template) {
      tx.db.delete(moduleTemplates).where(eq(moduleTemplates.moduleId, module.id)).run();
      return;
    }
    tx.db
      .insert(moduleTemplates)
      .values({ moduleId: module.id, orgId: module.orgId, markedBy: tx.actor.userId, markedAt: tx.now })
      .onConflictDoNothing()
      .run();
  });
}

/** Whether a module the person has opened is a template, and whether they may change that. */
export function templateStanding(ctx: Context, moduleId: string) {
  const { module, access } = loadModule(ctx, moduleId);
  const row = ctx.db
    .select({ moduleId: moduleTemplates.moduleId })
    .from(moduleTemplates)
    .where(and(eq(moduleTemplates.moduleId, module.id), eq(moduleTemplates.orgId, ctx.actor.orgId)))
    .get();
  const facilitator = can(ctx.actor, "module.create");
  return { template: row !== undefined, canMark: facilitator && access.facilitate, canDuplicate: facilitator };
}

/** The organisation's templates that a new module may start from (archived ones are not offered). */
export function listTemplates(ctx: Context) {
  authorize(ctx.actor, "module.create");
  return ctx.db
    .select({
      id: modules.id,
      title: modules.title,
      summary: modules.summary,
      minutes: modules.estimatedMinutes,
    })
    .from(moduleTemplates)
    .innerJoin(modules, and(eq(modules.id, moduleTemplates.moduleId), eq(modules.orgId, ctx.actor.orgId)))
    .where(and(eq(moduleTemplates.orgId, ctx.actor.orgId), ne(modules.status, "archived")))
    .orderBy(asc(modules.title))
    .all();
}

/** A new module from one of the organisation's templates: a duplicate under the template's own title. */
export function newModuleFromTemplate(ctx: Context, moduleId: string) {
  authorize(ctx.actor, "module.create");
  return inTransaction(ctx, (tx) => {
    const template = tx.db
      .select({ module: modules })
      .from(moduleTemplates)
      .innerJoin(modules, and(eq(modules.id, moduleTemplates.moduleId), eq(modules.orgId, tx.actor.orgId)))
      .where(and(eq(moduleTemplates.moduleId, moduleId), ne(modules.status, "archived")))
      .get();
    if (!template) throw new NotFoundError("That template");
    return copyModule(tx.db, template.module, { createdBy: tx.actor.userId, title: template.module.title }, tx.now);
  });
}
