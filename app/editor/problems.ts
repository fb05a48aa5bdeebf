import { CLOSE_REASONS, EDITOR_MAX_CHANGE, EDITOR_MAX_SIZE } from "../../modules/collaboration/protocol";

/** Why the editor cannot carry on as before, from what the collaboration server said. */
export type Problem =
  | "access"
  | "signed-out"
  | "full"
  | "too-big"
  | "unsupported"
  | "locked"
  | "malformed"
  | "suggest-only"
  | "on-break";

const characters = (n: number) => `about ${n.toLocaleString("en-GB")} characters`;

export const PROBLEM_MESSAGES: Record<Problem, string> = {
  access: "You no longer have access to edit this module. Your earlier changes are saved.",
  "signed-out":
    "You were signed out, so your latest change was not saved. Log in again to carry on; your earlier changes are saved.",
  full: "This module has reached its size limit, so your latest change was not saved. Reload to carry on from the saved version, then remove something or split it into two modules.",
  "too-big": `That change was too large to send in one go, so it was not saved. Reload to carry on from the saved version, then paste up to ${characters(EDITOR_MAX_CHANGE)} at a time.`,
  unsupported:
    "Your latest change held something this editor cannot keep, so it was not saved. Reload to carry on from the saved version.",
  locked:
    "Your latest change touched a part that was locked once it was agreed, so it was not saved. Reload to carry on from the saved version; a facilitator can unlock the part if it needs to change.",
  "suggest-only":
    "This module takes suggestions only, and your latest change was not one, so it was not saved. Reload to carry on from the saved version; what you add or remove there is kept as a suggestion.",
  "on-break":
    "Your latest change came during a break, so it was not saved. Reload to carry on from the saved version once the session resumes.",
  malformed: "Something went wrong sending your changes. Reload the page to carry on; saved work is safe.",
};

/** After any problem nothing more typed here could be saved, so editing stops; these offer a reload. */
export const RELOADABLE: ReadonlySet<Problem> = new Set<Problem>([
  "signed-out",
  "full",
  "too-big",
  "unsupported",
  "locked",
  "malformed",
  "suggest-only",
  "on-break",
]);

/** What the editor itself refused before sending, and why. */
export const LIMIT_MESSAGES = {
  paste: `That paste is too large to add in one go. Paste up to ${characters(EDITOR_MAX_CHANGE)} at a time.`,
  full: `This module has reached its size limit (${characters(EDITOR_MAX_SIZE)}). Split it into two modules, or remove something first.`,
} as const;

/**
 * The problem a close stands for. The server closes a whole socket with a code and a reason, or only
 * this document with a reason (the provider then reports code 1000), so the reason decides first. A
 * change of role is not a problem: the provider reconnects and the server says what the person may
 * do now.
 */
export function problemFromClose(code: number | undefined, reason: string | undefined): Problem | null {
  switch (reason) {
    case CLOSE_REASONS.changed:
      return null;
    case CLOSE_REASONS.removed:
    case CLOSE_REASONS.readOnly:
      return "access";
    case CLOSE_REASONS.signedOut:
      return "signed-out";
    case CLOSE_REASONS.documentFull:
      return "full";
    case CLOSE_REASONS.messageTooBig:
      return "too-big";
    case CLOSE_REASONS.unsupported:
      return "unsupported";
    case CLOSE_REASONS.locked:
      return "locked";
    case CLOSE_REASONS.malformed:
      return "malformed";
    case CLOSE_REASONS.suggestOnly:
      return "suggest-only";
    case CLOSE_REASONS.onBreak:
      return "on-break";
  }
  // The WebSocket layer closes an oversized message itself, with its own code and words.
  if (code === 1009) return "too-big";
  if (code === 4401) return "signed-out";
  if (code === 4403) return "access";
  if (code === 4413) return "full";
  if (code === 4422) return "unsupported";
  if (code === 4423) return "locked";
  if (code === 4400) return "malformed";
  if (code === 4409) return "suggest-only";
  if (code === 4424) return "on-break";
  return null;
}
