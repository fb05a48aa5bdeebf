import { ForbiddenError, NotFoundError } from "../shared/errors";
import type { Role } from "./roles";

/**
 * Who is asking, inside which organisation. Every loader, action and WebSocket connection builds one
 * from the server-side session and the membership row, never from anything the browser says.
 */
export type Actor = {
  userId: string;
  name: string;
  orgId: string;
  membershipId: string;
  roles: readonly Role[];
};

/** What each role may do across its organisation. Object-level rules (a module's collaborators…) build on these. */
const GRANTS = {
  "organisation.manage": ["admin"],
  "audit.view": ["admin"],
  "workshop.view": ["facilitator", "co_designer"],
  "module.create": ["facilitator"],
  "module.facilitate": ["facilitator"],
  "course.manage": ["trainer", "facilitator"],
  "cohort.manage": ["trainer"],
  "learning.take": ["learner"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof GRANTS;

export function hasRole(actor: Pick<Actor, "roles">, ...roles: Role[]): boolean {
  return roles.some((r) => actor.roles.includes(r));
}

export function can(actor: Pick<Actor, "roles">, permission: Permission): boolean {
  return hasRole(actor, ...GRANTS[permission]);
}

export function requirePermission(actor: Pick<Actor, "roles">, permission: Permission): void {
  if (!can(actor, permission)) throw new ForbiddenError();
}

/**
 * Objects of another organisation answer 404, not 403: a forged id must not even confirm that the
 * object exists.
 */
export function requireInOrg<T extends { orgId: string }>(
  actor: Pick<Actor, "orgId">,
  object: T | null | undefined,
  what?: string,
): T {
  if (!object || object.orgId !== actor.orgId) throw new NotFoundError(what);
  return object;
}

export type NavItem = { to: string; label: string };

/** The areas a person sees in the header, by their roles in the current organisation. */
export function navigationFor(actor: Pick<Actor, "roles">): NavItem[] {
  const items: NavItem[] = [];
  if (can(actor, "learning.take")) items.push({ to: "/learn", label: "My learning" });
  if (can(actor, "workshop.view")) items.push({ to: "/workshop", label: "Workshop" });
  if (can(actor, "course.manage")) items.push({ to: "/courses", label: "Courses" });
  if (can(actor, "cohort.manage")) items.push({ to: "/cohorts", label: "Cohorts" });
  if (can(actor, "organisation.manage")) items.push({ to: "/organisation", label: "Organisation" });
  return items;
}

/** Where someone lands after logging in: their most hands-on area. */
export function homeFor(actor: Pick<Actor, "roles">): string {
  return navigationFor(actor)[0]?.to ?? "/account";
}
