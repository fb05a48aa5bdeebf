import { eq, or } from "drizzle-orm";
import type { DB } from "../../db/client";
import { workshopSessionAttendance, workshopSessionPeople, workshopSessions } from "../../db/schema";

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

/** The sessions they were at: they had the module's editor open while it ran. */
export const sessionAttendanceRows = (db: DB, userId: string) =>
  db
    .select({ moduleId: workshopSessions.moduleId, startedAt: workshopSessions.startedAt })
    .from(workshopSessionAttendance)
    .innerJoin(workshopSessions, eq(workshopSessions.id, workshopSessionAttendance.sessionId))
    .where(eq(workshopSessionAttendance.userId, userId))
    .all();

/** Being there is not part of what the module became, so nothing of it outlives the account. */
export const eraseSessionAttendance = (db: DB, userId: string) =>
  db.delete(workshopSessionAttendance).where(eq(workshopSessionAttendance.userId, userId)).run();
