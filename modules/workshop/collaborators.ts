import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { DB } from "../../db/client";
import { memberships, moduleCollaborators, modules, users } from "../../db/schema";
import { type AuditAction, recordAudit } from "../audit/service";
import type { Actor } from "../auth/policy";
import { InvalidError, NotFoundError } from "../shared/errors";
import type { CollaboratorRole } from "./schemas";

/** The person's current role on the module, or null when they are not (or no longer) on it. */
export function collaboratorRole(db: DB, moduleId: string, userId: string): CollaboratorRole | null {
  const row = db
    .select({ role: moduleCollaborators.role })
    .from(moduleCollaborators)
    .where(
      and(
        eq(moduleCollaborators.moduleId, moduleId),
        eq(moduleCollaborators.userId, userId),
        isNull(moduleCollaborators.removedAt),
      ),
    )
    .get();
  return row?.role ?? null;
}

export function listCollaborators(db: DB, moduleId: string) {
  return db
    .select({
      userId: moduleCollaborators.userId,
      name: users.name,
      role: moduleCollaborators.role,
      creditMode: moduleCollaborators.creditMode,
      creditName: moduleCollaborators.creditName,
      addedAt: moduleCollaborators.addedAt,
    })
    .from(moduleCollaborators)
    .innerJoin(users, eq(users.id, moduleCollaborators.userId))
    .where(and(eq(moduleCollaborators.moduleId, moduleId), isNull(moduleCollaborators.removedAt)))
    .orderBy(asc(moduleCollaborators.addedAt))
    .all();
}

function audit(
  db: DB,
  actor: Actor,
  action: AuditAction,
  moduleId: string,
  detail: Record<string, unknown>,
  now: Date,
) {
  recordAudit(
    db,
    { orgId: actor.orgId, actorUserId: actor.userId, action, targetType: "module", targetId: moduleId, detail },
    now,
  );
}

/**
 * Puts an organisation member on the module with a role (or changes their role). Someone taken off
 * earlier comes back with their old credit choice.
 */
export function setCollaborator(
  db: DB,
  actor: Actor,
  moduleId: string,
  userId: string,
  role: CollaboratorRole,
  now = new Date(),
) {
  db.transaction((tx) => {
    const member = tx
      .select({ id: memberships.id })
      .from(memberships)
      .where(and(eq(memberships.orgId, actor.orgId), eq(memberships.userId, userId)))
      .get();
    if (!member) throw new InvalidError("Choose a member of your organisation.", "userId");
    const existing = tx
      .select()
      .from(moduleCollaborators)
      .where(and(eq(moduleCollaborators.moduleId, moduleId), eq(moduleCollaborators.userId, userId)))
      .get();
    if (existing) {
      tx.update(moduleCollaborators)
        .set({ role, removedAt: null, ...(existing.removedAt ? { addedAt: now, addedBy: actor.userId } : {}) })
        .where(and(eq(moduleCollaborators.moduleId, moduleId), eq(moduleCollaborators.userId, userId)))
        .run();
    } else {
      tx.insert(moduleCollaborators).values({ moduleId, userId, role, addedBy: actor.userId, addedAt: now }).run();
    }
    audit(tx, actor, "collaborator.set", moduleId, { userId, role }, now);
  });
}

/** Takes someone off the module. Their past contributions stay credited as they chose. */
export function removeCollaborator(db: DB, actor: Actor, moduleId: string, userId: string, now = new Date()) {
  db.transaction((tx) => {
    const changed = tx
      .update(moduleCollaborators)
      .set({ removedAt: now })
      .where(
        and(
          eq(moduleCollaborators.moduleId, moduleId),
          eq(moduleCollaborators.userId, userId),
          isNull(moduleCollaborators.removedAt),
        ),
      )
      .run();
    if (changed.changes === 0) throw new NotFoundError("That collaborator");
    audit(tx, actor, "collaborator.removed", moduleId, { userId }, now);
  });
}

/** When someone leaves the organisation they leave its modules too (their credit stays). */
export function leaveOrganisationModules(db: DB, orgId: string, userId: string, now: Date) {
  db.update(moduleCollaborators)
    .set({ removedAt: now })
    .where(
      and(
        eq(moduleCollaborators.userId, userId),
        isNull(moduleCollaborators.removedAt),
        inArray(
          moduleCollaborators.moduleId,
          db.select({ id: modules.id }).from(modules).where(eq(modules.orgId, orgId)),
        ),
      ),
    )
    .run();
}
