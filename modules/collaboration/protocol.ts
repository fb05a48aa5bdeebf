/**
 * What the collaboration server and the editor agree on. Browser-safe: the editor imports it.
 */
export const COLLAB_PATH = "/collab";

/** The Yjs XML fragment that holds a module's body (the editor's Collaboration field). */
export const FRAGMENT = "default";

export function documentNameFor(moduleId: string): string {
  return `module:${moduleId}`;
}

export function moduleIdFromDocumentName(name: string): string | null {
  const match = /^module:([A-Za-z0-9_-]{22})$/.exec(name);
  return match?.[1] ?? null;
}

/** The largest single WebSocket message accepted (a big paste fits; a flood does not). */
export const MAX_MESSAGE_BYTES = 1024 * 1024;
/** Hard ceiling on a document's encoded Yjs state; beyond it the server refuses growth. */
export const MAX_DOCUMENT_BYTES = 4 * 1024 * 1024;
/** The editor stops growth earlier, measured in ProseMirror positions (roughly characters). */
export const EDITOR_MAX_SIZE = 200_000;
/**
 * The most one change (a paste) may add in the editor, in positions, and as an estimate of its
 * encoded size: comfortably inside one message, so a change the server would refuse is never sent.
 */
export const EDITOR_MAX_CHANGE = 100_000;
export const EDITOR_MAX_CHANGE_BYTES = MAX_MESSAGE_BYTES / 2;

/** Close reasons the editor turns into plain messages. */
export const CLOSE_REASONS = {
  removed: "access-removed",
  /** The person's role on the module changed: the editor reconnects and follows what they may now do. */
  changed: "access-changed",
  readOnly: "read-only",
  /** A co-designer of a module that takes suggestions only changed the text directly. */
  suggestOnly: "suggestions-only",
  /** The change held something the editor's schema cannot load (an unknown block, a stray attribute). */
  unsupported: "unsupported-content",
  documentFull: "document-full",
  /** The change touched a part a facilitator locked once it was agreed. */
  locked: "locked-part",
  /** The change came while the module's workshop session is on a break. */
  onBreak: "on-break",
  malformed: "malformed-message",
  messageTooBig: "message-too-big",
  /** The session behind the socket ended: signed out elsewhere, or past its timeouts. */
  signedOut: "signed-out",
} as const;

/** What the server tells each editor it may do, as soon as it connects and whenever that changes. */
export type LiveAccess = "edit" | "suggest" | "comment" | "read";

export function liveAccessOf(context: { readOnly: boolean; commentOnly: boolean; suggestOnly: boolean }): LiveAccess {
  return context.readOnly ? "read" : context.commentOnly ? "comment" : context.suggestOnly ? "suggest" : "edit";
}

/** A stable, readable colour per person, for their caret and name (all pass 4.5:1 on white with white text). */
const PALETTE = ["#0b6e4f", "#8a3b12", "#5b3d99", "#1d5f8a", "#8a2a5c", "#4d6319", "#7a4b00", "#2f5d62"];

export function colourFor(userId: string): string {
  let hash = 0;
  for (const ch of userId) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return PALETTE[hash % PALETTE.length] ?? "#0b6e4f";
}
