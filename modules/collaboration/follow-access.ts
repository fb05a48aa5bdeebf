import type { EventBus } from "../events/bus";
import type { CollabControl } from "./server";

/**
 * The one subscriber that keeps live editors in step with access: after a member is removed, roles
 * or a collaborator's place change, a module is archived or restored, or set to take suggestions only, the affected connections
 * are checked again (closed, downgraded, or left alone when nothing they may do changed); after
 * comments, the review or a module's locks change, open editors are told to refresh them.
 */
export function followAccessChanges(events: EventBus, collab: CollabControl) {
  const unsubscribe = [
    events.on(["membership.removed", "membership.roles_changed"], (e) => collab.recheck({ userId: e.userId })),
    events.on(["collaborator.added", "collaborator.changed", "collaborator.removed"], (e) =>
      collab.recheck({ userId: e.userId, moduleId: e.moduleId }),
    ),
    events.on(["module.archived", "module.restored", "module.suggestions_only_changed"], (e) =>
      collab.recheck({ moduleId: e.moduleId }),
    ),
    events.on(["comments.changed"], (e) => collab.notify(e.moduleId, "comments")),
    events.on(["review.changed"], (e) => collab.notify(e.moduleId, "review")),
    events.on(["locks.changed"], (e) => collab.notify(e.moduleId, "locks")),
    events.on(["workshop_session.changed"], (e) => collab.notify(e.moduleId, "session")),
  ];
  return () => {
    for (const stop of unsubscribe) stop();
  };
}
