import { and, eq, isNull } from "drizzle-orm";
import type { DB } from "../../db/client";
import { moduleCollaborators, modules } from "../../db/schema";

/** The modules the person is or was on, with how they chose to be credited. */
export const collaboratorRows = (db: DB, userId: string) =>
  db
    .select({
      moduleId: moduleCollaborators.moduleId,
      module: modules.title,
      role: moduleCollaborators.role,
      creditMode: moduleCollaborators.creditMode,
      creditName: moduleCollaborators.creditName,
      addedAt: moduleCollaborators.addedAt,
      removedAt: moduleCollaborators.removedAt,
    })
    .from(moduleCollaborators)
    .innerJoin(modules, eq(modules.id, moduleCollaborators.moduleId))
    .where(eq(moduleCollaborators.userId, userId))
    .all();

export const modulesCreatedRows = (db: DB, userId: string) =>
  db
    .select({ id: modules.id, title: modules.title, createdAt: modules.createdAt })
    .from(modules)
    .where(eq(modules.createdBy, userId))
    .all();

/**
 * Their work stays credited the way they chose: a chosen name stays, "not named" stays, and credit
 * by their real name (which is being erased) becomes "someone who chose not to be named". They are
 * off every module from now on.
 */
export function eraseCollaborations(db: DB, userId: string, now: Date) {
  db.update(moduleCollaborators)
    .set({ creditMode: "anonymous" })
    .where(and(eq(moduleCollaborators.userId, userId), eq(moduleCollaborators.creditMode, "real")))
    .run();
  db.update(moduleCollaborators)
    .set({ removedAt: now })
    .where(and(eq(moduleCollaborators.userId, userId), isNull(moduleCollaborators.removedAt)))
    .run();
}
