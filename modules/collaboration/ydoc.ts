import { TiptapTransformer } from "@hocuspocus/transformer";
import * as Y from "yjs";
import { documentExtensions } from "../documents/extensions";
import type { DocJSON } from "../documents/json";

import { FRAGMENT } from "./protocol";

export { FRAGMENT };

const transformer = TiptapTransformer.extensions(documentExtensions);

export function jsonToYDoc(json: DocJSON): Y.Doc {
  return transformer.toYdoc(json, FRAGMENT);
}

export function jsonToUpdate(json: DocJSON): Uint8Array {
  return Y.encodeStateAsUpdate(jsonToYDoc(json));
}

export function yDocToJSON(doc: Y.Doc): DocJSON {
  return transformer.fromYdoc(doc, FRAGMENT) as DocJSON;
}

/** A document rebuilt from a stored state plus later updates. */
export function yDocFrom(state: Uint8Array | null, updates: Uint8Array[] = []): Y.Doc {
  const doc = new Y.Doc();
  if (state) Y.applyUpdate(doc, state);
  for (const u of updates) Y.applyUpdate(doc, u);
  return doc;
}
