import { TiptapTransformer } from "@hocuspocus/transformer";
import * as Y from "yjs";
import { documentExtensions } from "../documents/extensions";
import type { DocJSON } from "../documents/json";
import { loadableDoc } from "../documents/loadable";

import { FRAGMENT } from "./protocol";

export { FRAGMENT };

const transformer = TiptapTransformer.extensions(documentExtensions);

export function jsonToYDoc(json: DocJSON): Y.Doc {
  return transformer.toYdoc(loadableDoc(json), FRAGMENT);
}

export function jsonToUpdate(json: DocJSON): Uint8Array {
  return Y.encodeStateAsUpdate(jsonToYDoc(json));
}

/** Exactly what the Yjs document holds, known to the schema or not (for judging incoming changes). */
export function yDocToRawJSON(doc: Y.Doc): DocJSON {
  return transformer.fromYdoc(doc, FRAGMENT) as DocJSON;
}

/** The document as the editor's schema loads it: anything it cannot hold is left out. */
export function yDocToJSON(doc: Y.Doc): DocJSON {
  return loadableDoc(yDocToRawJSON(doc));
}

/** A document rebuilt from a stored state plus later updates. */
export function yDocFrom(state: Uint8Array | null, updates: Uint8Array[] = []): Y.Doc {
  const doc = new Y.Doc();
  if (state) Y.applyUpdate(doc, state);
  for (const u of updates) Y.applyUpdate(doc, u);
  return doc;
}
