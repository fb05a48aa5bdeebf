import { and, eq, isNull } from "drizzle-orm";
import type { DB } from "../../db/client";
import { workshopSessionAttendance, workshopSessions } from "../../db/schema";

/**
 * Someone opened the module's editor: if a session is running on it, they were there, whether they
 * changed anything or not. The collaboration server calls this as each connection opens.
 */
export function recordAttendance(db: DB, moduleId: string, userId: string) {
  const session = db
    .select({ id: workshopSessions.id })
    .from(workshopSessions)
    .where(and(eq(workshopSessions.moduleId, moduleId), isNull(workshopSessions.endedAt)))
    .get();
  if (!session) return;
  db.insert(workshopSessionAttendance).values({ sessionId: session.id, userId }).onConflictDoNothing().run();
}
