import { NOTIFICATION_CHOICES, NOTIFICATION_KINDS } from "../../db/schema";
import type { EmailKind } from "../email/kinds";

export { NOTIFICATION_CHOICES, NOTIFICATION_KINDS };
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
export type NotificationChoice = (typeof NOTIFICATION_CHOICES)[number];

/** Each kind's own email when it goes at once, and how it is named on the account page. */
export const KINDS: Record<NotificationKind, { email: EmailKind; label: string }> = {
  mention: { email: "mention", label: "Someone mentions you in a comment" },
  reply: { email: "comment_reply", label: "Someone replies in a conversation you took part in" },
  review_request: { email: "review_request", label: "A facilitator asks you to review a module" },
};

export const CHOICE_LABELS: Record<NotificationChoice, string> = {
  now: "At once",
  digest: "In a daily digest",
  never: "Never",
};

/** With no choice made, each kind comes at once: a person asked by name would expect to hear. */
export const DEFAULT_CHOICE: NotificationChoice = "now";
