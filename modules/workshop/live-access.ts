import type { DB } from "../../db/client";
import { type Actor, moduleAccess } from "../auth/policy";
import type { CollabContext, LiveAccessRule } from "../collaboration/access";
import { collaboratorRole } from "./module-access";
import { getModule } from "./service";

/** The person as a member of an organisation, or null when they are not one (organisations answers it). */
export type ActorIn = (db: DB, orgId: string, userId: string) => Actor | null;

/**
 * What a person may do on a module's live document now: null when they may not open it at all.
 * Reviewers may only anchor comments; co-designers of a module that takes suggestions only may only
 * suggest; viewers who may neither edit nor comment (facilitators not on
 * the module, everyone on an archived module) get a read-only connection.
 */
export function liveAccess(db: DB, actorIn: ActorIn, moduleId: string, userId: string): CollabContext | null {
  const module = getModule(db, moduleId);
  if (!module) return null;
  const actor = actorIn(db, module.orgId, userId);
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
    suggestOnly: access.edit && !access.facilitate && module.suggestionsOnly,
  };
}

/**
 * The rule the collaboration server is given by the composition root. Who is a member of the module's
 * organisation is asked of organisations through `actorIn`, since organisations already depends on
 * the workshop (a member who leaves leaves its modules).
 */
export function moduleLiveAccess(actorIn: ActorIn): LiveAccessRule {
  return (db, moduleId, userId) => liveAccess(db, actorIn, moduleId, userId);
}
