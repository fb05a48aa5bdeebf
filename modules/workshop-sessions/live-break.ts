import { and, eq, isNull } from "drizzle-orm";
import type { DB } from "../../db/client";
import { workshopSessions } from "../../db/schema";
import type { BreakRule } from "../collaboration/break-guard";
import { breakAt } from "./breaks";

/**
 * Whether a module's session is on a break now, called or scheduled: the rule the composition root
 * gives the collaboration server, which asks it for every update (one indexed read).
 */
export const onBreak: BreakRule = (db: DB, moduleId: string, now: Date) => {
  const session = db
    .select({
      agenda: workshopSessions.agenda,
      startedAt: workshopSessions.startedAt,
      breakUntil: workshopSessions.breakUntil,
      breakResumedAt: workshopSessions.breakResumedAt,
    })
    .from(workshopSessions)
    .where(and(eq(workshopSessions.moduleId, moduleId), isNull(workshopSessions.endedAt)))
    .get();
  return session !== undefined && breakAt(session, now) !== null;
};
