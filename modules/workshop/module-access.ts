import { and, eq, isNull } from "drizzle-orm";
import type { DB } from "../../db/client";
import { moduleCollaborators, modules } from "../../db/schema";
import type { Context } from "../auth/context";
import { type ModuleAccess, moduleAccess } from "../auth/policy";
import { ForbiddenError, NotFoundError } from "../shared/errors";
import type { CollaboratorRole } from "./schemas";

export type ModuleRow = typeof modules.$inferSelect;
export type Need = keyof ModuleAccess;

/** The person's current role on the module, or null when they are not (or no longer) on it. */
export function collaboratorRole(db: DB, moduleId: string, userId: string): CollaboratorRole | null {
  const row = db
    .select({ role: moduleCollaborators.role })
    .from(moduleCollaborators)
    .where(
      and(
        eq(moduleCollaborators.moduleId, moduleId),
        eq(moduleCollaborators.userId, userId),
        isNull(moduleCollaborators.removedAt),
      ),
    )
    .get();
  return row?.role ?? null;
}

const REFUSED: Record<Need, string> = {
  view: "This module has not been shared with you.",
  edit: "Only the module's co-designers and facilitators can change it.",
  comment: "Only the module's collaborators can do this.",
  facilitate: "Only the module's facilitators can do this.",
};

const ARCHIVED = "This module is archived, so it is read-only. A facilitator can bring it back from the archive.";

/**
 * The first two steps of every use case on a module: the module is looked up inside the actor's
 * organisation (one of another organisation, or a forged id, is simply not found), then the module
 * rule (`moduleAccess`) decides whether the actor may do what the use case needs. Use cases of the
 * other co-production features start here too.
 */
export function loadModule(ctx: Context, moduleId: string, ...needs: Need[]) {
  const module = ctx.db
    .select()
    .from(modules)
    .where(and(eq(modules.id, moduleId), eq(modules.orgId, ctx.actor.orgId)))
    .get();
  if (!module) throw new NotFoundError("That module");
  const role = collaboratorRole(ctx.db, moduleId, ctx.actor.userId);
  const access = moduleAccess(ctx.actor, module, role);
  for (const need of ["view", ...needs] as Need[]) {
    if (access[need]) continue;
    const archived = module.status === "archived" && access.view && need !== "facilitate";
    throw new ForbiddenError(archived ? ARCHIVED : REFUSED[need]);
  }
  return { module, role, access };
}
