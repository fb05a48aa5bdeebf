import { eq, or } from "drizzle-orm";
import type { DB } from "../../db/client";
import { partLocks } from "../../db/schema";

/** The parts they locked or unlocked: kept as the module's history, under a former member's name. */
export const lockRows = (db: DB, userId: string) =>
  db
    .select({
      moduleId: partLocks.moduleId,
      label: partLocks.label,
      reason: partLocks.reason,
      lockedAt: partLocks.lockedAt,
      unlockedAt: partLocks.unlockedAt,
    })
    .from(partLocks)
    .where(or(eq(partLocks.lockedBy, userId), eq(partLocks.unlockedBy, userId)))
    .all();
