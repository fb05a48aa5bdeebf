import { and, asc, eq, type SQL, sql } from "drizzle-orm";
import type { DB } from "../../db/client";
import { prepared } from "../../db/prepared";
import { membershipRoles, memberships, organisations, users } from "../../db/schema";
import { findUserByEmail, hashNewPassword, insertUser, type NewAccount } from "../accounts/service";
import { recordSignUpRequest, signUpAllowed } from "../accounts/throttle";
import { recordAudit } from "../audit/service";
import type { Context } from "../auth/context";
import { type Actor, authorize } from "../auth/policy";
import { isRole, ROLES, type Role } from "../auth/roles";
import { InvalidError, NotFoundError } from "../shared/errors";
import { newId } from "../shared/ids";
import { addDefaultSupportResources } from "./support-defaults";

function slugFor(db: DB, name: string): string {
  const base =
    name
      .normalize("NFKD")
      .replace(/[^\w\s-]/g, "")
      .trim()
      .toLowerCase()
      .replace(/[\s_-]+/g, "-")
      .slice(0, 40) || "organisation";
  let slug = base;
  for (let n = 2; db.select().from(organisations).where(eq(organisations.slug, slug)).get(); n++) slug = `${base}-${n}`;
  return slug;
}

export function createOrganisation(db: DB, name: string, founderUserId: string, now: Date, slug?: string) {
  const org = { id: newId(), name, slug: slug ?? slugFor(db, name), createdAt: now };
  db.insert(organisations).values(org).run();
  addDefaultSupportResources(db, org.id, now);
  addMembership(db, org.id, founderUserId, ["admin"], now);
  recordAudit(db, { orgId: org.id, actorUserId: founderUserId, action: "organisation.created", targetId: org.id }, now);
  return org;
}

const SIGNUPS_THROTTLED =
  "Several organisations have been set up from here in the last hour. Please try again in an hour.";

/**
 * Sign-up: a new person founds a new organisation and becomes its admin. For an email that already
 * has an account nothing is set up and the answer is null, which the caller must not show: sign-up
 * must not tell anyone which emails have accounts (docs/decisions/0002). The audit event is where a
 * notice to the owner will come from once the app sends email.
 */
export async function signUpWithOrganisation(
  db: DB,
  input: NewAccount & { organisationName: string; ip: string },
  limits: { perHour: number },
  now = new Date(),
) {
  if (!signUpAllowed(db, input.ip, limits.perHour, now)) throw new InvalidError(SIGNUPS_THROTTLED, "form");
  // Hashed whether or not the email is known, so both answers take as long.
  const hash = await hashNewPassword(input.password, input.email);
  recordSignUpRequest(db, input.ip, now);
  return db.transaction((tx) => {
    const existing = findUserByEmail(tx, input.email);
    if (existing) {
      const entry = { action: "signup.email_in_use" as const, targetType: "user", targetId: existing.id, ip: input.ip };
      recordAudit(tx, entry, now);
      return null;
    }
    const user = insertUser(tx, input, hash, now);
    const org = createOrganisation(tx, input.organisationName, user.id, now);
    return { user, org };
  });
}

/** Adds roles to a person in an organisation, creating the membership if needed. */
export function addMembership(db: DB, orgId: string, userId: string, roles: readonly Role[], now: Date) {
  let membership = db
    .select()
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)))
    .get();
  if (!membership) {
    membership = { id: newId(), orgId, userId, createdAt: now };
    db.insert(memberships).values(membership).run();
  }
  if (roles.length > 0) {
    db.insert(membershipRoles)
      .values(roles.map((role) => ({ membershipId: membership.id, orgId, role })))
      .onConflictDoNothing()
      .run();
  }
  return membership;
}

function rolesOf(csv: string | null): Role[] {
  return (csv ?? "")
    .split(",")
    .filter(isRole)
    .sort((a, b) => ROLES.indexOf(a) - ROLES.indexOf(b));
}

const rolesCsv = sql<string | null>`group_concat(${membershipRoles.role})`;

/** The actor for a user in an organisation, or null when they are not a member. */
const actorQuery = prepared((db) =>
  db
    .select({ membershipId: memberships.id, name: users.name, roles: rolesCsv })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(membershipRoles, eq(membershipRoles.membershipId, memberships.id))
    .where(and(eq(memberships.orgId, sql.placeholder("orgId")), eq(memberships.userId, sql.placeholder("userId"))))
    .groupBy(memberships.id)
    .prepare(),
);

export function actorFor(db: DB, orgId: string, userId: string): Actor | null {
  const row = actorQuery(db).get({ orgId, userId });
  if (!row) return null;
  return { userId, orgId, membershipId: row.membershipId, name: row.name, roles: rolesOf(row.roles) };
}

export function organisationsOf(db: DB, userId: string) {
  return db
    .select({ id: organisations.id, name: organisations.name, slug: organisations.slug, roles: rolesCsv })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.orgId))
    .leftJoin(membershipRoles, eq(membershipRoles.membershipId, memberships.id))
    .where(eq(memberships.userId, userId))
    .groupBy(memberships.id)
    .orderBy(asc(organisations.name))
    .all()
    .map((o) => ({ ...o, roles: rolesOf(o.roles) }));
}

const organisationQuery = prepared((db) =>
  db
    .select()
    .from(organisations)
    .where(eq(organisations.id, sql.placeholder("orgId")))
    .prepare(),
);

export function getOrganisation(db: DB, orgId: string) {
  return organisationQuery(db).get({ orgId });
}

/** The organisation as its admins manage it: the name over its members, invitations and support pages. */
export function organisationToManage(ctx: Context) {
  authorize(ctx.actor, "organisation.manage");
  const org = getOrganisation(ctx.db, ctx.actor.orgId);
  if (!org) throw new NotFoundError("That organisation");
  return { name: org.name };
}

export function getOrganisationBySlug(db: DB, slug: string) {
  return db.select().from(organisations).where(eq(organisations.slug, slug)).get();
}

export function listMembers(db: DB, orgId: string) {
  return listMembersWhere(db, eq(memberships.orgId, orgId));
}

function listMembersWhere(db: DB, where: SQL | undefined) {
  return db
    .select({
      membershipId: memberships.id,
      orgId: memberships.orgId,
      userId: users.id,
      name: users.name,
      email: users.email,
      joinedAt: memberships.createdAt,
      roles: rolesCsv,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(membershipRoles, eq(membershipRoles.membershipId, memberships.id))
    .where(where)
    .groupBy(memberships.id)
    .orderBy(asc(users.name))
    .all()
    .map((m) => ({ ...m, roles: rolesOf(m.roles) }));
}

/** One member of the organisation, with their roles; another organisation's membership is not there. */
export function getMember(db: DB, orgId: string, membershipId: string) {
  const member = listMembersWhere(db, and(eq(memberships.orgId, orgId), eq(memberships.id, membershipId)))[0];
  if (!member) throw new NotFoundError("That member");
  return member;
}
