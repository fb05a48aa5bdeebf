import { and, eq, ne, sql } from "drizzle-orm";
import type { DB } from "../../db/client";
import { prepared } from "../../db/prepared";
import { sessions, users } from "../../db/schema";
import { hashToken, newToken } from "../shared/ids";

/** Defaults argued in docs/decisions/0002-sessions-and-passwords.md. */
export const IDLE_TIMEOUT_MS = 2 * 60 * 60 * 1000;
export const ABSOLUTE_LIFETIME_MS = 24 * 60 * 60 * 1000;
/** Writing last_seen on every request would make every page a write; a minute's precision is plenty. */
const TOUCH_INTERVAL_MS = 60 * 1000;

export type SessionUser = { id: string; email: string; name: string };
export type ActiveSession = { id: string; currentOrgId: string | null; user: SessionUser };

export function createSession(db: DB, secret: string, userId: string, orgId: string | null, now: Date): string {
  const token = newToken();
  db.insert(sessions)
    .values({
      id: hashToken(token, secret),
      userId,
      currentOrgId: orgId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + ABSOLUTE_LIFETIME_MS),
    })
    .run();
  return token;
}

const sessionQuery = prepared((db) =>
  db
    .select({ session: sessions, user: { id: users.id, email: users.email, name: users.name } })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, sql.placeholder("id")))
    .prepare(),
);

/** The session for a cookie token, or null when unknown, idle too long or past its lifetime (then deleted). */
export function readSession(db: DB, secret: string, token: string, now: Date): ActiveSession | null {
  const id = hashToken(token, secret);
  const row = sessionQuery(db).get({ id });
  if (!row) return null;
  const idleFor = now.getTime() - row.session.lastSeenAt.getTime();
  if (idleFor > IDLE_TIMEOUT_MS || now >= row.session.expiresAt) {
    db.delete(sessions).where(eq(sessions.id, id)).run();
    return null;
  }
  if (idleFor > TOUCH_INTERVAL_MS) {
    db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id)).run();
  }
  return { id, currentOrgId: row.session.currentOrgId, user: row.user };
}

export function revokeSession(db: DB, sessionId: string) {
  db.delete(sessions).where(eq(sessions.id, sessionId)).run();
}

/** After a password change every other device is signed out. */
export function revokeOtherSessions(db: DB, userId: string, keepSessionId: string) {
  db.delete(sessions)
    .where(and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId)))
    .run();
}

export function setSessionOrg(db: DB, sessionId: string, orgId: string) {
  db.update(sessions).set({ currentOrgId: orgId }).where(eq(sessions.id, sessionId)).run();
}

/** Someone removed from an organisation: their open sessions no longer point at it. */
export function detachSessionsFrom(db: DB, userId: string, orgId: string) {
  db.update(sessions)
    .set({ currentOrgId: null })
    .where(and(eq(sessions.userId, userId), eq(sessions.currentOrgId, orgId)))
    .run();
}
