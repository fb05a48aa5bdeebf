import * as Y from "yjs";
import type { DocJSON } from "../documents/json";
import { yDocToRawJSON } from "./ydoc";

/**
 * Judging an update by its effect needs the document as it would be after it. Building that copy from
 * the whole document for every update cost about 7 ms on a 50 KB module, most of a suggester's
 * latency (ADR 31). So each live document keeps one copy in step beside it: an update is tried on the
 * copy; when the update is taken, the live document catches up with the copy as Hocuspocus applies it,
 * and the copy is kept; when it is refused, the copy is thrown away. Before each trial the copy is
 * compared with the live document by snapshot (state vector and deletions, a few microseconds), so a
 * copy that drifted, as when an update was taken but its connection closed before it was applied, is
 * built again and can never judge against content the live document does not hold.
 */
const copies = new WeakMap<Y.Doc, Y.Doc>();

/** Content read from a document at one snapshot, reused until the document changes. */
const readings = new WeakMap<Y.Doc, { at: Y.Snapshot; json: DocJSON }>();

const waiting = (doc: Y.Doc) => doc.store.pendingStructs !== null || doc.store.pendingDs !== null;

function freshCopy(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc({ gc: doc.gc });
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

function inStep(doc: Y.Doc, copy: Y.Doc): boolean {
  return !waiting(copy) && Y.equalSnapshots(Y.snapshot(doc), Y.snapshot(copy));
}

/**
 * Exactly what a Yjs document holds, known to the schema or not, read once per state of the document.
 * Callers only read it: the same object is handed to every guard judging that state.
 */
export function documentJSON(doc: Y.Doc): DocJSON {
  const now = Y.snapshot(doc);
  const reading = readings.get(doc);
  if (reading && Y.equalSnapshots(reading.at, now)) return reading.json;
  const json = yDocToRawJSON(doc);
  readings.set(doc, { at: now, json });
  return json;
}

export type Trial = {
  /** The document with the update applied, built on first use; null when the update needs changes the server never had. */
  after(): Y.Doc | null;
  /** Ends the trial: a taken update's copy is kept for the next one, a refused one's is destroyed. */
  settle(taken: boolean): void;
};

export function trialOf(doc: Y.Doc, update: Uint8Array): Trial {
  let tried: Y.Doc | null | undefined;
  return {
    after() {
      if (tried !== undefined) return tried;
      // A live document still waiting for missing changes cannot be mirrored by snapshot: copy it afresh.
      const reusable = !waiting(doc);
      let copy = reusable ? copies.get(doc) : undefined;
      copies.delete(doc);
      if (copy && !inStep(doc, copy)) {
        copy.destroy();
        copy = undefined;
      }
      copy ??= freshCopy(doc);
      const waitingBefore = waiting(copy);
      Y.applyUpdate(copy, update);
      if (waiting(copy) && !waitingBefore) {
        copy.destroy();
        tried = null;
      } else tried = copy;
      return tried;
    },
    settle(taken) {
      if (!tried) return;
      if (taken && !waiting(doc) && !waiting(tried)) {
        copies.set(doc, tried);
        // The live document will hold exactly this state once it applies the update: its reading is ready.
        const reading = readings.get(tried);
        if (reading) readings.set(doc, reading);
      } else tried.destroy();
    },
  };
}
