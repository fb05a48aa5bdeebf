import type * as Y from "yjs";
import type { DB } from "../../db/client";
import { withoutCommentAnchors } from "../documents/facts";
import { partNodes } from "../documents/parts";
import { REFUSALS, type Refusal } from "./refusal";
import { documentJSON } from "./trial-copy";
import type { DecodedUpdate } from "./update-shape";

/**
 * The ids of a module's locked parts now. The rule belongs to the feature that keeps the locks; the
 * composition root hands it to the collaboration server, which asks it for every update, so a lock
 * holds from the moment it is committed.
 */
export type LockedPartsRule = (db: DB, moduleId: string) => readonly string[];

/**
 * Nobody, facilitators included, may change a locked part: judged by effect, each locked part's nodes
 * (comment anchors aside, so people can still comment on what was agreed) must be the same before
 * and after the update. A module with no locks costs nothing; otherwise the document is read as JSON
 * before and after, once each, whatever the number of locks.
 */
export function lockRefusal(
  before: Y.Doc,
  decoded: DecodedUpdate,
  after: () => Y.Doc | null,
  locked: readonly string[],
): Refusal | null {
  if (locked.length === 0) return null;
  // A sync that brings nothing new (a reconnect) changes nothing.
  if (decoded.structs.length === 0 && decoded.ds.clients.size === 0) return null;
  const next = after();
  if (!next) return REFUSALS.incomplete;
  const was = withoutCommentAnchors(documentJSON(before));
  const is = withoutCommentAnchors(documentJSON(next));
  for (const nodeId of locked) {
    if (JSON.stringify(partNodes(was, nodeId)) !== JSON.stringify(partNodes(is, nodeId))) return REFUSALS.locked;
  }
  return null;
}
