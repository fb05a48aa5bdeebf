import * as decoding from "lib0/decoding";
import { moduleIdFromDocumentName } from "./protocol";

// y-protocols message types (see y-protocols/sync and Hocuspocus's MessageType).
const MESSAGE_SYNC = 0;
/** Hocuspocus applies a "sync reply" exactly like a sync message, so it must be checked like one. */
const MESSAGE_SYNC_REPLY = 4;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

/** The Yjs update carried by a raw message, or null when it carries none (awareness, sync step 1…). */
export function updateIn(message: Uint8Array): Uint8Array | null {
  const decoder = decoding.createDecoder(message);
  decoding.readVarString(decoder);
  const type = decoding.readVarUint(decoder);
  if (type !== MESSAGE_SYNC && type !== MESSAGE_SYNC_REPLY) return null;
  const syncType = decoding.readVarUint(decoder);
  if (syncType !== SYNC_STEP_2 && syncType !== SYNC_UPDATE) return null;
  return decoding.readVarUint8Array(decoder);
}

/**
 * Every Hocuspocus message starts with the name of the document it is for. A frame that does not
 * (random bytes, another protocol) is malformed; Hocuspocus itself would queue some of those as
 * messages for a document that never authenticates and keep the socket open.
 */
export function addressedToModule(message: Uint8Array): boolean {
  try {
    const address = decoding.readVarString(decoding.createDecoder(message));
    // A session-aware provider sends "documentName\0sessionId".
    return moduleIdFromDocumentName(address.split("\0")[0] ?? "") !== null;
  } catch {
    return false;
  }
}
