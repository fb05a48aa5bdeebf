import type { DB } from "../../db/client";
import { readSession } from "../accounts/sessions";

export type CollabContext = {
  userId: string;
  name: string;
  orgId: string;
  moduleId: string;
  readOnly: boolean;
  /** Reviewers: their updates may add or remove comment anchors, never change the content. */
  commentOnly: boolean;
  /** Co-designers of a module that takes suggestions only: their updates may only suggest (ADR 31). */
  suggestOnly: boolean;
};

/**
 * What a person may do on a module's live document now: null when they may not open it at all. The
 * rule belongs to the workshop (who is on which module, in which organisation); the composition root
 * hands it to the collaboration server, which asks it when a socket opens and after every access change.
 */
export type LiveAccessRule = (db: DB, moduleId: string, userId: string) => CollabContext | null;

/**
 * Told that a person opened a module's editor. The rule belongs to the workshop sessions (who was
 * there while one ran); the composition root hands it to the collaboration server.
 */
export type AttendanceRecorder = (db: DB, moduleId: string, userId: string) => void;

/**
 * Decides whether a WebSocket may open a module document, from the session token in its cookie:
 * the person must be signed in, and the access rule must let them open the module. Returns null when
 * refused.
 */
export function collabAccess(
  db: DB,
  secret: string,
  access: LiveAccessRule,
  token: string | null,
  moduleId: string,
  now = new Date(),
): CollabContext | null {
  if (!token) return null;
  const session = readSession(db, secret, token, now);
  if (!session) return null;
  return access(db, moduleId, session.user.id);
}
