import { deviceName } from "../accounts/devices";
import { revokeOtherSessions, revokeOwnSession, sessionsOf } from "../accounts/sessions";
import { recordAudit } from "../audit/service";
import type { Visit } from "../auth/context";
import { ForbiddenError, NotFoundError } from "../shared/errors";

function signedIn(visit: Visit): string {
  if (!visit.userId) throw new ForbiddenError("Log in to see your account.");
  return visit.userId;
}

/**
 * Where the person is signed in: each device named from its browser, when it signed in and was last
 * used, and which is this one. No address is shown or kept (docs/decisions/0026).
 */
export function mySessions(visit: Visit, currentSessionId: string) {
  return sessionsOf(visit.db, signedIn(visit)).map((s) => ({
    id: s.id,
    device: deviceName(s.userAgent),
    signedInAt: s.createdAt,
    lastSeenAt: s.lastSeenAt,
    keptSignedIn: s.persistent,
    current: s.id === currentSessionId,
  }));
}

/** Signs out one of the person's own sessions; anyone else's is not found, and stays. */
export function endMySession(visit: Visit, input: { sessionId: string }, from: { ip: string | null }) {
  const userId = signedIn(visit);
  if (!revokeOwnSession(visit.db, userId, input.sessionId)) throw new NotFoundError("That session");
  recordAudit(visit.db, { actorUserId: userId, action: "session.ended", ip: from.ip }, visit.now);
}

/** Signs the person out everywhere but here. */
export function endMyOtherSessions(visit: Visit, currentSessionId: string, from: { ip: string | null }) {
  const userId = signedIn(visit);
  const ended = revokeOtherSessions(visit.db, userId, currentSessionId);
  recordAudit(
    visit.db,
    { actorUserId: userId, action: "sessions.others_ended", detail: { ended }, ip: from.ip },
    visit.now,
  );
}
