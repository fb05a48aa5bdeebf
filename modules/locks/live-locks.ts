import { and, eq, isNull } from "drizzle-orm";
import type { DB } from "../../db/client";
import { partLocks } from "../../db/schema";
import type { LockedPartsRule } from "../collaboration/lock-guard";

/**
 * The ids of a module's locked parts: the rule the composition root gives the collaboration server,
 * which judges every update by it (one indexed read per update).
 */
export const lockedNodeIds: LockedPartsRule = (db: DB, moduleId: string) =>
  db
    .select({ nodeId: partLocks.nodeId })
    .from(partLocks)
    .where(and(eq(partLocks.moduleId, moduleId), isNull(partLocks.unlockedAt)))
    .all()
    .map((row) => row.nodeId);
