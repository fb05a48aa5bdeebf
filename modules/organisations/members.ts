import { and, eq } from "drizzle-orm";
import { membershipRoles, memberships } from "../../db/schema";
import { detachSessionsFrom } from "../accounts/sessions";
import { recordAudit } from "../audit/service";
import { type Context, inTransaction } from "../auth/context";
import { authorize } from "../auth/policy";
import type { Role } from "../auth/roles";
import { InvalidError } from "../shared/errors";
import { leaveOrganisationModules } from "../workshop/collaborators";
import { roleHolderCount } from "./role-holders";
import { getMember, listMembers } from "./service";

/** The organisation's members as its admins see them: names, emails, roles and when they joined. */
export function members(ctx: Context) {
  authorize(ctx.actor, "organisation.manage");
  return listMembers(ctx.db, ctx.actor.orgId);
}

/** One member, for the admin's page about them; a membership of another organisation is not there. */
export function member(ctx: Context, membershipId: string) {
  const found = getMember(ctx.db, ctx.actor.orgId, membershipId);
  authorize(ctx.actor, "organisation.manage", found);
  return { ...found, isMe: found.membershipId === ctx.actor.membershipId };
}

const LAST_ADMIN = "An organisation needs at least one admin. Make someone else an admin first.";

/**
 * Gives a member exactly these roles. Giving the roles they already have changes nothing, so it
 * records and tells nothing: an open editor keeps working.
 */
export function setMemberRoles(ctx: Context, membershipId: string, roles: Role[]) {
  inTransaction(ctx, (tx) => {
    const { db, actor } = tx;
    const m = getMember(db, actor.orgId, membershipId);
    authorize(actor, "organisation.manage", m);
    const before = m.roles;
    const after = [...new Set(roles)];
    if (before.length === after.length && after.every((r) => before.includes(r))) return;
    if (before.includes("admin") && !after.includes("admin") && roleHolderCount(db, actor.orgId, "admin") <= 1) {
      throw new InvalidError(LAST_ADMIN, "roles");
    }
    db.delete(membershipRoles).where(eq(membershipRoles.membershipId, m.membershipId)).run();
    db.insert(membershipRoles)
      .values(after.map((role) => ({ membershipId: m.membershipId, orgId: actor.orgId, role })))
      .run();
    recordAudit(
      db,
      {
        orgId: actor.orgId,
        actorUserId: actor.userId,
        action: "membership.roles_changed",
        targetType: "user",
        targetId: m.userId,
        detail: { before, after },
      },
      tx.now,
    );
    tx.events.emit({ type: "membership.roles_changed", orgId: actor.orgId, userId: m.userId, roles: after });
  });
}

/** Removes a person from the organisation. What they wrote stays, credited as they chose. */
export function removeMember(ctx: Context, membershipId: string) {
  return inTransaction(ctx, (tx) => {
    const { db, actor, now } = tx;
    const m = getMember(db, actor.orgId, membershipId);
    authorize(actor, "organisation.manage", m);
    if (m.roles.includes("admin") && roleHolderCount(db, actor.orgId, "admin") <= 1) throw new InvalidError(LAST_ADMIN);
    db.delete(memberships)
      .where(and(eq(memberships.id, m.membershipId), eq(memberships.orgId, actor.orgId)))
      .run();
    leaveOrganisationModules(db, actor.orgId, m.userId, now);
    detachSessionsFrom(db, m.userId, actor.orgId);
    recordAudit(
      db,
      {
        orgId: actor.orgId,
        actorUserId: actor.userId,
        action: "membership.removed",
        targetType: "user",
        targetId: m.userId,
      },
      now,
    );
    tx.events.emit({ type: "membership.removed", orgId: actor.orgId, userId: m.userId });
    return { userId: m.userId };
  });
}
