/**
 * Every kind of email Alongside sends. A person can turn off any kind that is not essential; the
 * essential ones are those they need to use their account (a reset link, confirming a new address,
 * being told their address is being changed), so they carry no unsubscribe link and are always sent.
 * A new kind (a reminder, a digest) is added here first.
 */
export const EMAIL_KINDS = [
  "invitation",
  "password_reset",
  "email_change_confirmation",
  "email_change_notice",
  "retention_notice",
  "due_reminder",
  "after_due_note",
  "mention",
  "comment_reply",
  "review_request",
  "story_review",
  "digest",
] as const;

export type EmailKind = (typeof EMAIL_KINDS)[number];

type KindFacts = {
  /** How the kind is named to the person, on the unsubscribe page and the outgoing email list. */
  label: string;
  essential: boolean;
  /** The message holds a link that acts for the person: never shown to anyone else, even an admin. */
  privateLink: boolean;
};

export const KIND_FACTS: Record<EmailKind, KindFacts> = {
  invitation: { label: "Invitations to join an organisation or a cohort", essential: false, privateLink: false },
  password_reset: { label: "Password reset links", essential: true, privateLink: true },
  email_change_confirmation: { label: "Confirming a new email address", essential: true, privateLink: true },
  email_change_notice: {
    label: "Notices that your email address is being changed",
    essential: true,
    privateLink: false,
  },
  // Essential: turning it off would let a learner's record go without their ever being told.
  retention_notice: {
    label: "Notices that your training record will be removed after a long time unused",
    essential: true,
    privateLink: false,
  },
  due_reminder: { label: "Reminders that a course is due soon", essential: false, privateLink: false },
  after_due_note: { label: "Notes that a course's due date has passed", essential: false, privateLink: false },
  mention: { label: "Emails when someone mentions you in a comment", essential: false, privateLink: false },
  comment_reply: { label: "Emails when someone replies to your comment", essential: false, privateLink: false },
  review_request: { label: "Emails when you are asked to review a module", essential: false, privateLink: false },
  story_review: {
    label: "Emails asking whether your story in a module may still be shared",
    essential: false,
    privateLink: false,
  },
  digest: { label: "The daily digest of mentions, replies and review requests", essential: false, privateLink: false },
};

export function isEmailKind(value: unknown): value is EmailKind {
  return typeof value === "string" && (EMAIL_KINDS as readonly string[]).includes(value);
}
