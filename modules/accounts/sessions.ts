import { and, desc, eq, ne, sql } from "drizzle-orm";
import { LRUCache } from "lru-cache";
import type { DB } from "../../db/client";
import { prepared } from "../../db/prepared";
import { organisations, sessions, users } from "../../db/schema";
import { hashToken, newToken } from "../shared/ids";

const MINUTE_MS = 60 * 1000;
const DAY_MS = 24 * 60 * MINUTE_MS;

/** Defaults argued in docs/decisions/0026-session-timeouts-and-account-locks.md; organisations may set their own. */
export const DEFAULT_IDLE_MINUTES = 30;
export const DEFAULT_LIFETIME_DAYS = 30;
export const IDLE_TIMEOUT_MS = DEFAULT_IDLE_MINUTES * MINUTE_MS;
export const ABSOLUTE_LIFETIME_MS = DEFAULT_LIFETIME_DAYS * DAY_MS;
/** Writing last_seen on every request would make every page a write; a minute's precision is plenty. */
const TOUCH_INTERVAL_MS = MINUTE_MS;

export type SessionUser = { id: string; email: string; name: string };
export type ActiveSession = { id: string; currentOrgId: string | null; persistent: boolean; user: SessionUser };

/** An organisation's own timeouts, each null where it keeps the default. */
export type Timeouts = { idleTimeoutMinutes: number | null; absoluteLifetimeDays: number | null };

export function idleTimeoutMs(timeouts: Partial<Timeouts> | null | undefined) {
  return (timeouts?.idleTimeoutMinutes ?? DEFAULT_IDLE_MINUTES) * MINUTE_MS;
}

export function lifetimeMs(timeouts: Partial<Timeouts> | null | undefined) {
  return (timeouts?.absoluteLifetimeDays ?? DEFAULT_LIFETIME_DAYS) * DAY_MS;
}

export type NewSession = { userId: string; orgId: string | null; persistent?: boolean; userAgent?: string };

const orgTimeouts = prepared((db) =>
  db
    .select({
      idleTimeoutMinutes: organisations.idleTimeoutMinutes,
      absoluteLifetimeDays: organisations.absoluteLifetimeDays,
    })
    .from(organisations)
    .where(eq(organisations.id, sql.placeholder("id")))
    .prepare(),
);

/**
 * A new session and its token (the cookie's value), with when it ends at the latest under its
 * organisation's lifetime: a kept-signed-in cookie lasts until then.
 */
export function startNewSession(db: DB, secret: string, session: NewSession, now: Date) {
  const token = newToken();
  const timeouts = session.orgId ? orgTimeouts(db).get({ id: session.orgId }) : undefined;
  const expiresAt = new Date(now.getTime() + lifetimeMs(timeouts));
  db.insert(sessions)
    .values({
      id: hashToken(token, secret),
      userId: session.userId,
      currentOrgId: session.orgId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
      persistent: session.persistent ?? false,
      // A header is the browser's to write: only so much of it is kept.
      userAgent: (session.userAgent ?? "").slice(0, 500),
    })
    .run();
  return { token, expiresAt };
}

export function createSession(db: DB, secret: string, userId: string, orgId: string | null, now: Date): string {
  return startNewSession(db, secret, { userId, orgId }, now).token;
}

// The organisation's timeouts come with the session in the one query every request already makes.
const sessionQuery = prepared((db) =>
  db
    .select({
      session: sessions,
      user: { id: users.id, email: users.email, name: users.name },
      idleTimeoutMinutes: organisations.idleTimeoutMinutes,
      absoluteLifetimeDays: organisations.absoluteLifetimeDays,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(organisations, eq(organisations.id, sessions.currentOrgId))
    .where(eq(sessions.id, sql.placeholder("id")))
    .prepare(),
);

/**
 * A session's id is the keyed hash of its token, asked for on every request; the hash of each token
 * that names a session is kept, by the secret it was made with (so tokens that name nothing never
 * fill it). Only the hashing is remembered: whether the session still exists, and is not idle or
 * ended, is read from the database every time, so signing out and revoking hold at once.
 */
const sessionIds = new LRUCache<string, { secret: string; id: string }>({ max: 10_000 });

/**
 * The session for a cookie token, or null when unknown, idle too long (unless kept signed in) or past
 * its lifetime (then deleted). The limits are those of the session's current organisation, or the defaults.
 */
export function readSession(db: DB, secret: string, token: string, now: Date): ActiveSession | null {
  const known = sessionIds.get(token);
  const id = known?.secret === secret ? known.id : hashToken(token, secret);
  const row = sessionQuery(db).get({ id });
  if (!row) return null;
  if (known?.id !== id) sessionIds.set(token, { secret, id });
  const { session } = row;
  const idleFor = now.getTime() - session.lastSeenAt.getTime();
  const idle = !session.persistent && idleFor > idleTimeoutMs(row);
  const ended = now.getTime() >= session.createdAt.getTime() + lifetimeMs(row);
  if (idle || ended) {
    db.delete(sessions).where(eq(sessions.id, id)).run();
    return null;
  }
  if (idleFor > TOUCH_INTERVAL_MS) {
    db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id)).run();
  }
  return { id, currentOrgId: session.currentOrgId, persistent: session.persistent, user: row.user };
}

/** A person's own sessions, the most recently used first. */
export function sessionsOf(db: DB, userId: string) {
  return db
    .select({
      id: sessions.id,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      userAgent: sessions.userAgent,
      persistent: sessions.persistent,
    })
    .from(sessions)
    .where(eq(sessions.userId, userId))
    .orderBy(desc(sessions.lastSeenAt))
    .all();
}

export function revokeSession(db: DB, sessionId: string) {
  db.delete(sessions).where(eq(sessions.id, sessionId)).run();
}

/** Ends one of the person's own sessions; whether there was one of theirs with that id. */
export function revokeOwnSession(db: DB, userId: string, sessionId: string): boolean {
  return (
    db
      .delete(sessions)
      .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId)))
      .run().changes > 0
  );
}

/** After a password change, or when asked, every other device is signed out; how many were. */
export function revokeOtherSessions(db: DB, userId: string, keepSessionId: string): number {
  return db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId)))
    .run().changes;
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
