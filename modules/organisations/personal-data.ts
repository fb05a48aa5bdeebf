import { and, eq, inArray, sql } from "drizzle-orm";
import type { DB } from "../../db/client";
import { invitations, membershipRoles, memberships, organisations } from "../../db/schema";
import { roleHolderCount } from "./role-holders";

/** Each organisation the person belongs to. */
export function membershipRows(db: DB, userId: string) {
  return db
    .select({
      id: memberships.id,
      orgId: memberships.orgId,
      organisation: organisations.name,
      createdAt: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.orgId))
    .where(eq(memberships.userId, userId))
    .all();
}

export function roleRows(db: DB, userId: string) {
  return db
    .select({ membershipId: membershipRoles.membershipId, role: membershipRoles.role })
    .from(membershipRoles)
    .innerJoin(memberships, eq(memberships.id, membershipRoles.membershipId))
    .where(eq(memberships.userId, userId))
    .all();
}

/** Personal invitations addressed to the person's email, and any invitation they made. */
export function invitationRows(db: DB, userId: string, email: string) {
  return db
    .select({
      orgId: invitations.orgId,
      email: invitations.email,
      roles: invitations.roles,
      label: invitations.label,
      createdByThem: sql<boolean>`${invitations.createdBy} = ${userId}`,
      createdAt: invitations.createdAt,
      expiresAt: invitations.expiresAt,
    })
    .from(invitations)
    .where(sql`${invitations.email} = ${email.toLowerCase()} or ${invitations.createdBy} = ${userId}`)
    .all();
}

/** The organisations where the person is the only admin: they cannot leave them without one. */
export function organisationsOnlyAdministeredBy(db: DB, userId: string): string[] {
  const theirs = db
    .select({ orgId: memberships.orgId, name: organisations.name })
    .from(memberships)
    .innerJoin(
      membershipRoles,
      and(eq(membershipRoles.membershipId, memberships.id), eq(membershipRoles.role, "admin")),
    )
    .innerJoin(organisations, eq(organisations.id, memberships.orgId))
    .where(eq(memberships.userId, userId))
    .all();
  return theirs.filter((o) => roleHolderCount(db, o.orgId, "admin") <= 1).map((o) => o.name);
}

/** Memberships go (their roles with them); invitations addressed to them go too, with the cohort places they held. */
export function eraseMemberships(db: DB, userId: string, email: string) {
  const ids = db.select({ id: memberships.id }).from(memberships).where(eq(memberships.userId, userId)).all();
  if (ids.length > 0) {
    db.delete(memberships)
      .where(
        inArray(
          memberships.id,
          ids.map((m) => m.id),
        ),
      )
      .run();
  }
  db.delete(invitations).where(eq(invitations.email, email.toLowerCase())).run();
}

/** The ids of invitations the person made, which email sent for them refers to. */
export function invitationsMadeBy(db: DB, userId: string): string[] {
  return db
    .select({ id: invitations.id })
    .from(invitations)
    .where(eq(invitations.createdBy, userId))
    .all()
    .map((r) => r.id);
}
