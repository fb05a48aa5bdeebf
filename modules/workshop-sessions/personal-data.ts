import { eq, or } from "drizzle-orm";
import type { DB } from "../../db/client";
import { workshopSessionPeople, workshopSessions } from "../../db/schema";

/** The sessions they started or ended: kept as the module's history, under a former member's name. */
export const sessionRunRows = (db: DB, userId: string) =>
  db
    .select({
      moduleId: workshopSessions.moduleId,
      startedAt: workshopSessions.startedAt,
      endedAt: workshopSessions.endedAt,
    })
    .from(workshopSessions)
    .where(or(eq(workshopSessions.startedBy, userId), eq(workshopSessions.endedBy, userId)))
    .all();

/** The sessions they took part in, as their summaries name them. */
export const sessionPeopleRows = (db: DB, userId: string) =>
  db
    .select({ moduleId: workshopSessions.moduleId, startedAt: workshopSessions.startedAt })
    .from(workshopSessionPeople)
    .innerJoin(workshopSessions, eq(workshopSessions.id, workshopSessionPeople.sessionId))
    .where(eq(workshopSessionPeople.userId, userId))
    .all();
