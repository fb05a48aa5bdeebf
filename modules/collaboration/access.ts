import type { DB } from "../../db/client";
import { readSession } from "../accounts/sessions";
import { moduleAccess } from "../auth/policy";
import { actorFor } from "../organisations/service";
import { collaboratorRole } from "../workshop/collaborators";
import { getModule } from "../workshop/service";

export type CollabContext = {
  userId: string;
  name: string;
  orgId: string;
  moduleId: string;
  readOnly: boolean;
  /** Reviewers: their updates may add or remove comment anchors, never change the content. */
  commentOnly: boolean;
};

/**
 * What a person may do on a module's live document now: null when they may not open it at all.
 * Reviewers may only anchor comments; viewers who may neither edit nor comment (facilitators not on
 * the module, everyone on an archived module) get a read-only connection.
 */
export function liveAccess(db: DB, moduleId: string, userId: string): CollabContext | null {
  const module = getModule(db, moduleId);
  if (!module) return null;
  const actor = actorFor(db, module.orgId, userId);
  if (!actor) return null;
  const access = moduleAccess(actor, module, collaboratorRole(db, moduleId, actor.userId));
  if (!access.view) return null;
  return {
    userId: actor.userId,
    name: actor.name,
    orgId: actor.orgId,
    moduleId,
    readOnly: !access.edit && !access.comment,
    commentOnly: !access.edit && access.comment,
  };
}

/**
 * Decides whether a WebSocket may open a module document, from the session token in its cookie:
 * the person must be signed in, belong to the module's organisation, and be allowed to view it.
 * Returns null when refused.
 */
export function collabAccess(
  db: DB,
  secret: string,
  token: string | null,
  moduleId: string,
  now = new Date(),
): CollabContext | null {
  if (!token) return null;
  const session = readSession(db, secret, token, now);
  if (!session) return null;
  return liveAccess(db, moduleId, session.user.id);
}
