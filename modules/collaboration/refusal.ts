import type { Connection } from "@hocuspocus/server";
import { CLOSE_REASONS } from "./protocol";

/**
 * Why the server will not take an update. `socket` closes the whole connection (the provider
 * reconnects and is checked afresh); otherwise only this document is closed for that client, so a
 * change it cannot take is not sent again and again.
 */
export type Refusal = { code: number; reason: string; socket: boolean };

export const REFUSALS = {
  malformed: { code: 4400, reason: CLOSE_REASONS.malformed, socket: true },
  /** Depends on changes the server never received: sending it again would not help. */
  incomplete: { code: 4400, reason: CLOSE_REASONS.malformed, socket: false },
  readOnly: { code: 4403, reason: CLOSE_REASONS.readOnly, socket: true },
  suggestOnly: { code: 4409, reason: CLOSE_REASONS.suggestOnly, socket: false },
  unsupported: { code: 4422, reason: CLOSE_REASONS.unsupported, socket: false },
  documentFull: { code: 4413, reason: CLOSE_REASONS.documentFull, socket: false },
  /** The change touched a part a facilitator locked: sending it again would be refused again. */
  locked: { code: 4423, reason: CLOSE_REASONS.locked, socket: false },
  /** The session is on a break: nothing changes until it resumes. */
  onBreak: { code: 4424, reason: CLOSE_REASONS.onBreak, socket: false },
  signedOut: { code: 4401, reason: CLOSE_REASONS.signedOut, socket: true },
} as const satisfies Record<string, Refusal>;

/** Closes the whole socket: the provider reconnects, and the fresh connection is checked again. */
export function closeSocket(connection: Connection, code: number, reason: string) {
  connection.webSocket.close(code, reason);
}

/** Refuses the message being handled: Hocuspocus closes this client's document with the reason. */
export function refuse(connection: Connection, refusal: Refusal): never {
  if (refusal.socket) closeSocket(connection, refusal.code, refusal.reason);
  throw { code: refusal.code, reason: refusal.reason };
}
