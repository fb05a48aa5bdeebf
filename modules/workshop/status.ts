import { eq } from "drizzle-orm";
import type { DB } from "../../db/client";
import { modules } from "../../db/schema";
import type { ModuleStatus } from "./schemas";

/**
 * Moves a module to another status. The workshop is the one writer of modules: review and publishing
 * call this once their own use case has loaded the module in the actor's organisation and checked it.
 */
export function setModuleStatus(db: DB, moduleId: string, status: ModuleStatus, now: Date) {
  db.update(modules).set({ status, updatedAt: now }).where(eq(modules.id, moduleId)).run();
}
