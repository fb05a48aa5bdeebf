import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { DB } from "../../db/client";
import { memberships, moduleCollaborators, modules, users } from "../../db/schema";
import { type AuditAction, recordAudit } from "../audit/service";
import { type Context, inTransaction } from "../auth/context";
import { InvalidError, NotFoundError } from "../shared/errors";
import { loadModule } from "./module-access";
import type { CollaboratorRole, CreditMode } from "./schemas";

/** The people on a module now. Call it only after the module was loaded in the actor's organisation. */
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

function audit(ctx: Context, action: AuditAction, moduleId: string, detail: Record<string, unknown>) {
  recordAudit(
    ctx.db,
    {
      orgId: ctx.actor.orgId,
      actorUserId: ctx.actor.userId,
      action,
      targetType: "module",
      targetId: moduleId,
      detail,
    },
    ctx.now,
  );
}

/**
 * Puts an organisation member on the module with a role (or changes their role). Someone taken off
 * earlier comes back with their old credit choice. Giving someone the role they already have changes
 * nothing, so it records and tells nothing: their open editor keeps working.
 */
export function setCollaborator(ctx: Context, moduleId: string, userId: string, role: CollaboratorRole) {
  loadModule(ctx, moduleId, "facilitate");
  inTransaction(ctx, (tx) => {
    const { db, actor, now } = tx;
    const member = db
      .select({ id: memberships.id })
      .from(memberships)
      .where(and(eq(memberships.orgId, actor.orgId), eq(memberships.userId, userId)))
      .get();
    if (!member) throw new InvalidError("Choose a member of your organisation.", "userId");
    const where = and(eq(moduleCollaborators.moduleId, moduleId), eq(moduleCollaborators.userId, userId));
    const existing = db.select().from(moduleCollaborators).where(where).get();
    const current = existing && existing.removedAt === null;
    if (current && existing.role === role) return;
    if (existing) {
      db.update(moduleCollaborators)
        .set({ role, removedAt: null, ...(current ? {} : { addedAt: now, addedBy: actor.userId }) })
        .where(where)
        .run();
    } else {
      db.insert(moduleCollaborators).values({ moduleId, userId, role, addedBy: actor.userId, addedAt: now }).run();
    }
    audit(tx, "collaborator.set", moduleId, { userId, role });
    tx.events.emit({ type: current ? "collaborator.changed" : "collaborator.added", moduleId, userId, role });
  });
}

/** Takes someone off the module. Their past contributions stay credited as they chose. */
export function removeCollaborator(ctx: Context, moduleId: string, userId: string) {
  loadModule(ctx, moduleId, "facilitate");
  inTransaction(ctx, (tx) => {
    const changed = tx.db
      .update(moduleCollaborators)
      .set({ removedAt: tx.now })
      .where(
        and(
          eq(moduleCollaborators.moduleId, moduleId),
          eq(moduleCollaborators.userId, userId),
          isNull(moduleCollaborators.removedAt),
        ),
      )
      .run();
    if (changed.changes === 0) throw new NotFoundError("That collaborator");
    audit(tx, "collaborator.removed", moduleId, { userId });
    tx.events.emit({ type: "collaborator.removed", moduleId, userId });
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

/**
 * How one person is credited on a module, kept on their collaborator row (which the workshop writes):
 * credits decides who may change it. False when they were never on the module.
 */
export function saveCreditChoice(
  db: DB,
  moduleId: string,
  userId: string,
  choice: { creditMode: CreditMode; creditName: string },
): boolean {
  const changed = db
    .update(moduleCollaborators)
    .set({ creditMode: choice.creditMode, creditName: choice.creditMode === "chosen" ? choice.creditName : "" })
    .where(and(eq(moduleCollaborators.moduleId, moduleId), eq(moduleCollaborators.userId, userId)))
    .run();
  return changed.changes > 0;
}
