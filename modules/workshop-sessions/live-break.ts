import { and, eq, gt, isNull } from "drizzle-orm";
import type { DB } from "../../db/client";
import { workshopSessions } from "../../db/schema";
import type { BreakRule } from "../collaboration/break-guard";

/**
 * Whether a module's session is on a break now: the rule the composition root gives the
 * collaboration server, which asks it for every update (one indexed read).
 */
export const onBreak: BreakRule = (db: DB, moduleId: string, now: Date) =>
  db
    .select({ id: workshopSessions.id })
    .from(workshopSessions)
    .where(
      and(
        eq(workshopSessions.moduleId, moduleId),
        isNull(workshopSessions.endedAt),
        gt(workshopSessions.breakUntil, now),
      ),
    )
    .get() !== undefined;
