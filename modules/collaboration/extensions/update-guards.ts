import type { Extension } from "@hocuspocus/server";
import * as Y from "yjs";
import type { DB } from "../../../db/client";
import type { CollabContext } from "../access";
import { type BreakRule, breakRefusal } from "../break-guard";
import { type LockedPartsRule, lockRefusal } from "../lock-guard";
import { updateIn } from "../messages";
import { REFUSALS, type Refusal, refuse } from "../refusal";
import { reviewerRefusal } from "../reviewer-guard";
import { schemaRefusal } from "../schema-guard";
import { suggesterRefusal } from "../suggestion-guard";
import { trialOf } from "../trial-copy";
import type { DecodedUpdate } from "../update-shape";

/**
 * Whether to take an update: nothing changes while the workshop session is on a break (ADR 38),
 * reviewers may only move comment anchors, suggesters may only suggest (ADR 31), nobody may change a
 * locked part (ADR 32), and nobody may store what the editor's schema cannot load. The document with
 * the update applied is tried once, on the copy kept beside it, and only when a guard needs it.
 */
function judge(
  document: Y.Doc,
  update: Uint8Array,
  decoded: DecodedUpdate,
  context: CollabContext,
  locked: readonly string[],
  onBreak: boolean,
): Refusal | null {
  const trial = trialOf(document, update);
  let refusal: Refusal | null = null;
  try {
    refusal =
      breakRefusal(decoded, onBreak) ??
      (context.commentOnly ? reviewerRefusal(document, decoded, trial.after) : null) ??
      (context.suggestOnly ? suggesterRefusal(document, decoded, trial.after, context.userId) : null) ??
      lockRefusal(document, decoded, trial.after, locked) ??
      schemaRefusal(document, decoded, trial.after);
    return refusal;
  } finally {
    trial.settle(refusal === null);
  }
}

/**
 * Judges every incoming message before Hocuspocus applies it: one that cannot be read closes the
 * socket; an update a guard refuses closes this document for its sender.
 */
export function updateGuards({
  db,
  locks,
  breaks,
  clock,
}: {
  db: DB;
  locks: LockedPartsRule;
  breaks: BreakRule;
  clock: () => Date;
}): Extension<CollabContext> {
  return {
    extensionName: "UpdateGuards",

    async beforeHandleMessage({ update: message, connection, document, context }) {
      let update: Uint8Array | null;
      let decoded: DecodedUpdate | null = null;
      try {
        update = updateIn(message);
        if (update) decoded = Y.decodeUpdate(update);
      } catch {
        refuse(connection, REFUSALS.malformed);
      }
      // Read-only connections never change the document: Hocuspocus answers them "not saved".
      if (!update || !decoded || context.readOnly) return;
      const { moduleId } = context;
      const refusal = judge(document, update, decoded, context, locks(db, moduleId), breaks(db, moduleId, clock()));
      if (refusal) refuse(connection, refusal);
    },
  };
}
