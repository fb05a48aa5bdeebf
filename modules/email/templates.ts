import type { EmailKind } from "./kinds";

/** What a message says, before it is laid out as plain text and as HTML (layout.ts). */
export type Content = {
  subject: string;
  heading: string;
  paragraphs: string[];
  /** The one thing the message asks the person to do: a link with words, to a path on Alongside. */
  action?: { label: string; path: string };
  /** Said after the action. */
  closing: string[];
  /** A list of things, each with its own link (a digest's mentions, replies and requests). */
  items?: DigestLine[];
};

export type DigestLine = { text: string; label: string; path: string };

type Params = Record<string, string>;

const get = (params: Params, key: string) => params[key] ?? "";

/** A digest's lines, stored as JSON in one parameter; anything unreadable is simply left out. */
function digestLines(params: Params): DigestLine[] {
  try {
    const parsed: unknown = JSON.parse(get(params, "items") || "[]");
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (line): line is DigestLine =>
        typeof line?.text === "string" && typeof line?.label === "string" && typeof line?.path === "string",
    );
  } catch {
    return [];
  }
}

const CHOOSE = "You can choose on your account page whether these come at once, in one daily email, or not at all.";

/** The words of each kind, from the facts stored with the message. Calm and plain, no urgency. */
export const TEMPLATES: Record<EmailKind, (params: Params) => Content> = {
  invitation: (p) => {
    const cohort = get(p, "cohortName");
    const where = cohort ? `the cohort "${cohort}" at ${get(p, "orgName")}` : get(p, "orgName");
    return {
      subject: `You are invited to join ${get(p, "orgName")} on Alongside`,
      heading: `An invitation to ${get(p, "orgName")}`,
      paragraphs: [
        `${get(p, "inviterName") || "Someone"} has invited you to join ${where} on Alongside, where peer supporters and facilitators make training together.`,
        `You would join as: ${get(p, "roles")}. The invitation works for this email address only, until ${get(p, "expiresOn")}.`,
      ],
      action: { label: "Accept the invitation", path: `/join/${get(p, "token")}` },
      closing: ["If you were not expecting this, you can ignore it: nothing happens unless you follow the link."],
    };
  },
  password_reset: (p) => ({
    subject: "Reset your Alongside password",
    heading: "Reset your password",
    paragraphs: [
      `Hello ${get(p, "name")}. Someone, hopefully you, asked to reset the password of your Alongside account.`,
      "The link below works once, for one hour.",
    ],
    action: { label: "Choose a new password", path: `/reset-password/${get(p, "token")}` },
    closing: ["If you did not ask for this, you can ignore this email: your password stays as it is."],
  }),
  email_change_confirmation: (p) => ({
    subject: "Confirm your new email address for Alongside",
    heading: "Confirm your new email address",
    paragraphs: [
      `Hello ${get(p, "name")}. You asked to use this address for your Alongside account.`,
      "Nothing changes until you confirm. The link below works once, for one day.",
    ],
    action: { label: "Confirm this email address", path: `/confirm-email/${get(p, "token")}` },
    closing: ["If you did not ask for this, ignore this email: your account keeps its address."],
  }),
  email_change_notice: (p) => ({
    subject: "Your Alongside email address is being changed",
    heading: "A change of email address was asked for",
    paragraphs: [
      `Hello ${get(p, "name")}. Someone signed in to your Alongside account asked to change its email address to ${get(p, "newAddress")}.`,
      "It changes only once the new address is confirmed. Until then you keep logging in with this one.",
    ],
    closing: [
      "If this was not you, log in and change your password: that signs out everyone else, and the change is not confirmed.",
    ],
  }),
  retention_notice: (p) => ({
    subject: `Your training record at ${get(p, "orgName")} will be removed on ${get(p, "removeOn")}`,
    heading: "Your training record will be removed",
    paragraphs: [
      `Hello ${get(p, "name")}. ${get(p, "orgName")} keeps learners' progress and reflection journals for ${get(p, "months")} months after they were last active. You have not been active there for a while, so on ${get(p, "removeOn")} your progress and journal there will be removed.`,
      "If you want to keep them, log in before then: any activity keeps them. You can also download your data from your account page, and export your journal from My learning.",
    ],
    action: { label: "Log in to Alongside", path: "/login" },
    closing: ["Nothing else about your account changes."],
  }),
  // Gentle by design: a due date is a plan, not a deadline anyone is punished for missing.
  due_reminder: (p) => ({
    subject: `A gentle reminder: ${get(p, "course")} is due on ${get(p, "dueOn")}`,
    heading: `${get(p, "course")} is due on ${get(p, "dueOn")}`,
    paragraphs: [
      `Hello ${get(p, "name")}. This is a reminder from ${get(p, "orgName")} that the course ${get(p, "course")} is due on ${get(p, "dueOn")}.`,
      "You can pick up where you left off whenever suits you.",
    ],
    action: { label: "Continue the course", path: get(p, "path") },
    closing: ["If now is not a good time, that is fine: talk to your trainer if you would like more time."],
  }),
  after_due_note: (p) => ({
    subject: `A gentle note about ${get(p, "course")}`,
    heading: `${get(p, "course")} is still there for you`,
    paragraphs: [
      `Hello ${get(p, "name")}. The course ${get(p, "course")} at ${get(p, "orgName")} was due on ${get(p, "dueOn")}. There is no penalty: it is still open, and you can carry on at your own pace.`,
    ],
    action: { label: "Continue the course", path: get(p, "path") },
    closing: ["If something is getting in the way, your trainer is there to help. This is the only note about it."],
  }),
  mention: (p) => ({
    subject: `${get(p, "who")} mentioned you in a comment on ${get(p, "module")}`,
    heading: `A mention on ${get(p, "module")}`,
    paragraphs: [
      `Hello ${get(p, "name")}. ${get(p, "who")} mentioned you in a comment on the module ${get(p, "module")}:`,
      `"${get(p, "excerpt")}"`,
    ],
    action: { label: `Open ${get(p, "module")}`, path: get(p, "path") },
    closing: [CHOOSE],
  }),
  comment_reply: (p) => ({
    subject: `${get(p, "who")} replied to your comment on ${get(p, "module")}`,
    heading: `A reply on ${get(p, "module")}`,
    paragraphs: [
      `Hello ${get(p, "name")}. ${get(p, "who")} replied in a conversation you took part in on the module ${get(p, "module")}:`,
      `"${get(p, "excerpt")}"`,
    ],
    action: { label: `Open ${get(p, "module")}`, path: get(p, "path") },
    closing: [CHOOSE],
  }),
  review_request: (p) => ({
    subject: `${get(p, "who")} asked you to review ${get(p, "module")} by ${get(p, "dueOn")}`,
    heading: `Would you review ${get(p, "module")}?`,
    paragraphs: [
      `Hello ${get(p, "name")}. ${get(p, "who")} asked you to look over the module ${get(p, "module")} by ${get(p, "dueOn")}.`,
      "When you have, you can say you are done reviewing on the module's Review tab, with a note if you like.",
    ],
    action: { label: `Review ${get(p, "module")}`, path: get(p, "path") },
    closing: ["If the date does not work for you, a word to the facilitator is enough.", CHOOSE],
  }),
  // The story itself is never quoted: it is the storyteller's own experience, and email leaves Alongside.
  story_review: (p) => ({
    subject: `Is your story in ${get(p, "module")} still all right to share?`,
    heading: "Your story has reached its review date",
    paragraphs: [
      `Hello ${get(p, "name")}. When you shared your story in the module ${get(p, "module")}, it was to be looked at again on ${get(p, "reviewOn")}. That date has come.`,
      "Is it still all right to share it? You can keep it as it is, or withdraw it. Either is fine, and no reason is needed.",
    ],
    action: { label: "Keep or withdraw your story", path: get(p, "path") },
    closing: ["Nothing changes until you choose. You are asked in Alongside too, and this is the only email about it."],
  }),
  digest: (p) => {
    const items = digestLines(p);
    return {
      subject: `Your daily summary from Alongside: ${items.length === 1 ? "1 update" : `${items.length} updates`}`,
      heading: "What happened since your last summary",
      paragraphs: [`Hello ${get(p, "name")}. Here is what happened on the modules you work on.`],
      items,
      closing: [CHOOSE],
    };
  },
};
