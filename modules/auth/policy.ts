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
  "workshop.view": ["facilitator", "co_designer", "lived_experience_panel", "safeguarding_reviewer"],
  /** Open every module of the organisation, not only those one is on. */
  "workshop.view_all": ["facilitator", "lived_experience_panel", "safeguarding_reviewer"],
  "module.sign_off_as_panel": ["lived_experience_panel"],
  "module.sign_off_as_safeguarding": ["safeguarding_reviewer"],
  "module.create": ["facilitator"],
  "module.facilitate": ["facilitator"],
  "course.manage": ["trainer", "facilitator"],
  "cohort.manage": ["trainer"],
  "learning.take": ["learner"],
  "supervision.receive": ["supervisor"],
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
 * The check every use case makes after its scoped load: may this actor do `permission` to `object`?
 * An object of another organisation answers 404 (a forged id must not confirm it exists), a missing
 * role 403. With no object, the permission is checked on the actor's organisation as a whole.
 */
export function authorize(actor: Pick<Actor, "roles" | "orgId">, permission: Permission, object?: { orgId: string }) {
  if (object && object.orgId !== actor.orgId) throw new NotFoundError();
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

/**
 * What opens areas to a person beyond their roles in the organisation: being on one of its modules
 * (a learner invited to co-design one, say) opens the Workshop, whatever their roles.
 */
export type Standing = { collaborator: boolean };

export function canOpenWorkshop(actor: Pick<Actor, "roles">, standing: Standing): boolean {
  return can(actor, "workshop.view") || standing.collaborator;
}

/** The areas a person sees in the header: what their roles and their place on modules let them do. */
export function navigationFor(actor: Pick<Actor, "roles">, standing: Standing): NavItem[] {
  const items: NavItem[] = [];
  if (can(actor, "learning.take")) items.push({ to: "/learn", label: "My learning" });
  if (canOpenWorkshop(actor, standing)) items.push({ to: "/workshop", label: "Workshop" });
  if (can(actor, "course.manage")) items.push({ to: "/courses", label: "Courses" });
  if (can(actor, "cohort.manage")) items.push({ to: "/cohorts", label: "Cohorts" });
  if (can(actor, "supervision.receive")) items.push({ to: "/shared-with-me", label: "Shared with me" });
  if (can(actor, "organisation.manage")) items.push({ to: "/organisation", label: "Organisation" });
  return items;
}

/** Where someone lands after logging in: their most hands-on area. */
export function homeFor(actor: Pick<Actor, "roles">, standing: Standing): string {
  return navigationFor(actor, standing)[0]?.to ?? "/account";
}

export type CollaboratorRole = "facilitator" | "co_designer" | "reviewer";

export type ModuleAccess = {
  /** Open the module and read the document. */
  view: boolean;
  /** Change the document. */
  edit: boolean;
  /** Start and reply to comment threads, sign off. */
  comment: boolean;
  /** Manage collaborators, status and moderation. */
  facilitate: boolean;
};

const NO_ACCESS: ModuleAccess = { view: false, edit: false, comment: false, facilitate: false };

/**
 * What a person may do with one module. The module's collaborator list decides: facilitators and
 * co-designers edit, reviewers read and comment. Facilitators of the organisation may open and run
 * any of its modules, but edit only once they are on the collaborator list. The lived-experience panel
 * and safeguarding reviewers may open any of its modules to read and sign off, never to change or
 * comment on (unless the module lists them too). Archived modules are
 * read-only for everyone. A module of another organisation is simply not there (the caller answers 404).
 */
export function moduleAccess(
  actor: Pick<Actor, "orgId" | "roles">,
  module: { orgId: string; status: string },
  collaboratorRole: CollaboratorRole | null,
): ModuleAccess {
  if (module.orgId !== actor.orgId) return NO_ACCESS;
  const orgFacilitator = hasRole(actor, "facilitator");
  const facilitate = orgFacilitator || collaboratorRole === "facilitator";
  const isCollaborator = collaboratorRole !== null;
  const orgReviewer = hasRole(actor, "lived_experience_panel", "safeguarding_reviewer");
  if (!isCollaborator && !facilitate && !orgReviewer) return NO_ACCESS;
  const archived = module.status === "archived";
  return {
    view: true,
    edit: !archived && (collaboratorRole === "facilitator" || collaboratorRole === "co_designer"),
    comment: !archived && isCollaborator,
    facilitate,
  };
}
