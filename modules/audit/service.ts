import { and, count, eq, gte, isNull } from "drizzle-orm";
import type { DB } from "../../db/client";
import { auditEvents } from "../../db/schema";
import { roleNames, rolesWithArticles } from "../auth/role-sentences";
import { isRole, type Role } from "../auth/roles";

/** Every action the product records. Each has a description below, so the activity log never shows one raw. */
export const AUDIT_ACTIONS = [
  "login.succeeded",
  "login.failed",
  "login.throttled",
  "login.locked",
  "logout",
  "session.ended",
  "sessions.others_ended",
  "password.changed",
  "password.reset_requested",
  "password.reset",
  "email.change_requested",
  "email.changed",
  "account.created",
  "signup.requested",
  "signup.email_in_use",
  "organisation.created",
  "organisation.timeouts_changed",
  "organisation.writing_words_changed",
  "organisation.panel_signoff_changed",
  "membership.joined",
  "membership.roles_changed",
  "membership.removed",
  "invitation.created",
  "invitation.revoked",
  "support_resources.changed",
  "cohort.created",
  "assignment.created",
  "cohort.progress_exported",
  "cohort.xapi_exported",
  "module.created",
  "module.archived",
  "module.unarchived",
  "module.restored",
  "module.signed_off",
  "module.panel_signed_off",
  "module.review_started",
  "module.published",
  "module.unpublished",
  "course.published",
  "course.scorm_exported",
  "course.cmi5_exported",
  "course.markdown_exported",
  "credit.changed",
  "collaborator.set",
  "collaborator.removed",
  "personal_data.exported",
  "personal_data.exported_for_member",
  "account.erased",
  "member.erased",
  "retention.changed",
  "retention.removed",
  "reminders.changed",
  "story.withdrawn",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export type AuditEntry = {
  orgId?: string | null;
  actorUserId?: string | null;
  action: AuditAction;
  targetType?: string;
  targetId?: string;
  /** Never passwords, tokens, reflections or wellbeing answers. */
  detail?: Record<string, unknown>;
  ip?: string | null;
};

export function recordAudit(db: DB, entry: AuditEntry, now = new Date()) {
  db.insert(auditEvents)
    .values({
      orgId: entry.orgId ?? null,
      actorUserId: entry.actorUserId ?? null,
      action: entry.action,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId ?? null,
      detail: entry.detail ?? null,
      ip: entry.ip ?? null,
      at: now,
    })
    .run();
}

/** What each action reads as in the activity log; `target` is the name of what it was done to, when known. */
const DESCRIPTIONS: Record<AuditAction, (target: string | null) => string> = {
  "login.succeeded": () => "Logged in",
  "login.failed": () => "Failed log-in",
  "login.throttled": () => "Log-in refused after too many attempts",
  "login.locked": () => "Log-in by password paused after many failed attempts, until a password reset by email",
  logout: () => "Logged out",
  "session.ended": () => "Signed out of one of their other sessions",
  "sessions.others_ended": () => "Signed out of all their other sessions",
  "password.changed": () => "Changed their password",
  "password.reset_requested": () => "Asked for a link to reset a password",
  "password.reset": () => "Reset their password from an emailed link",
  "email.change_requested": () => "Asked to change their email address",
  "email.changed": () => "Changed their email address, confirmed from the new address",
  "account.created": () => "Created an account",
  "signup.requested": () => "Asked to set up an organisation",
  "signup.email_in_use": () => "Asked to set up an organisation with an email that already has an account",
  "organisation.created": () => "Created the organisation",
  "organisation.timeouts_changed": () => "Changed how long people stay signed in",
  "organisation.writing_words_changed": () => "Changed the words the writing hints point out",
  "organisation.panel_signoff_changed": () => "Changed the panel and safeguarding sign-off or its rubric",
  "membership.joined": () => "Joined through an invitation",
  "membership.roles_changed": (target) => `Changed the roles of ${target ?? "a member"}`,
  "membership.removed": (target) => `Removed a member: ${target ?? "a former member"}`,
  "invitation.created": () => "Created an invitation",
  "invitation.revoked": () => "Revoked an invitation",
  "support_resources.changed": () => "Changed the support resources",
  "cohort.created": (target) => (target ? `Created the cohort ${target}` : "Created a cohort"),
  "assignment.created": (target) => `Gave training to ${target ? `the cohort ${target}` : "a cohort"}`,
  "cohort.progress_exported": (target) => `Downloaded the progress of ${target ?? "a cohort"} (CSV)`,
  "cohort.xapi_exported": (target) => `Downloaded the xAPI statements of ${target ?? "a cohort"}`,
  "module.created": (target) => `Created the module ${quoted(target)}`,
  "module.archived": (target) => `Archived the module ${quoted(target)}`,
  "module.unarchived": (target) => `Brought the module ${quoted(target)} back from the archive`,
  "module.restored": (target) => `Restored an earlier version of the module ${quoted(target)}`,
  "module.signed_off": (target) => `Signed off a revision of the module ${quoted(target)}`,
  "module.panel_signed_off": (target) => `Signed off a revision of the module ${quoted(target)} against the rubric`,
  "module.review_started": (target) => `Started the review of the module ${quoted(target)}`,
  "module.published": (target) => `Published a version of the module ${quoted(target)}`,
  "module.unpublished": (target) => `Withdrew the module ${quoted(target)} from learners`,
  "course.published": (target) => `Published a version of the course ${quoted(target)}`,
  "course.scorm_exported": (target) =>
    `Downloaded the course ${quoted(target)} as a SCORM package for a learning system`,
  "course.cmi5_exported": (target) => `Downloaded the course ${quoted(target)} as a cmi5 package for a learning system`,
  "course.markdown_exported": (target) => `Downloaded the course ${quoted(target)} as Markdown content files`,
  "credit.changed": (target) => `Changed how they are credited on the module ${quoted(target)}`,
  "collaborator.set": (target) => `Added or changed a collaborator on the module ${quoted(target)}`,
  "collaborator.removed": (target) => `Took a collaborator off the module ${quoted(target)}`,
  "personal_data.exported": () => "Downloaded their personal data",
  "personal_data.exported_for_member": (target) =>
    `Downloaded the personal data of ${target ?? "a member"} to pass on to them`,
  "account.erased": () => "Deleted their account",
  "member.erased": (target) => `Deleted the account of ${target ?? "a former member"} at their request`,
  "retention.changed": () => "Changed how long learners' progress and journals are kept",
  "reminders.changed": () => "Changed how many days before a due date learners are reminded",
  "story.withdrawn": () => "The person who shared a story took it back",
  "retention.removed": (target) =>
    `Removed the progress and journal of ${target ?? "a learner"} after a long time without activity`,
};

/**
 * How often one address did something not tied to an organisation (such as asking to sign up) since
 * a time. Such rows have no organisation, so the (org, at) index narrows this to the recent ones.
 */
export function recentFromAddress(db: DB, action: AuditAction, ip: string, since: Date): number {
  const row = db
    .select({ n: count() })
    .from(auditEvents)
    .where(
      and(
        isNull(auditEvents.orgId),
        gte(auditEvents.at, since),
        eq(auditEvents.action, action),
        eq(auditEvents.ip, ip),
      ),
    )
    .get();
  return row?.n ?? 0;
}

function quoted(title: string | null) {
  return title ? `“${title}”` : "(since deleted)";
}

function rolesIn(value: unknown): Role[] {
  return Array.isArray(value) ? value.filter((v): v is Role => typeof v === "string" && isRole(v)) : [];
}

function isAuditAction(action: string): action is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(action);
}

export function describeAudit(action: string, detail: Record<string, unknown> | null, targetName: string | null) {
  // Actions from before a rename, or recorded elsewhere: read as a sentence rather than shown raw.
  if (!isAuditAction(action)) {
    const words = action.replace(/[._]+/g, " ").trim();
    return words.charAt(0).toUpperCase() + words.slice(1);
  }
  const base = DESCRIPTIONS[action](targetName);
  if (action === "membership.roles_changed" && detail) return `${base} to ${roleNames(rolesIn(detail.after))}`;
  if (action === "organisation.timeouts_changed" && detail) {
    return `${base}: signed out after ${String(detail.idleTimeoutMinutes)} minutes unused, and after ${String(detail.absoluteLifetimeDays)} days at most`;
  }
  // An admin acting on a member's request says why; the reason is theirs, never the member's data.
  if ((action === "member.erased" || action === "personal_data.exported_for_member") && detail?.reason) {
    return `${base}. Reason: ${String(detail.reason)}`;
  }
  if (action === "membership.joined" && rolesIn(detail?.roles).length > 0) {
    return `${base} as ${rolesWithArticles(rolesIn(detail?.roles))}`;
  }
  return base;
}
