import * as Y from "yjs";
import { documentSchema } from "../documents/extensions";
import { validateDoc } from "../documents/json";
import { loadableDoc } from "../documents/loadable";
import { FRAGMENT } from "./protocol";
import { jsonToYDoc, yDocToRawJSON } from "./ydoc";

// biome-ignore lint/suspicious/noExplicitAny: shared types of every kind (Yjs types them by their events)
type Type = Y.AbstractType<any>;

/** Overlapping marks are stored as "name--<hash>" (see y-prosemirror). */
const markName = (attribute: string) => /^(.*)--[a-zA-Z0-9+/=]{8}$/.exec(attribute)?.[1] ?? attribute;

function markIsLoadable(attribute: string, attrs: unknown): boolean {
  const type = documentSchema.marks[markName(attribute)];
  if (!type) return false;
  try {
    type.create((attrs as Record<string, unknown> | null) ?? null);
    return true;
  } catch {
    return false;
  }
}

function liveItems(type: Type): Y.Item[] {
  const items = [...type._map.values()];
  for (let item = type._start; item; item = item.right) items.push(item);
  return items.filter((item) => !item.deleted);
}

/** Removes elements the schema does not know, and marks it cannot load, keeping the rest where it was. */
function dropUnknown(parent: Y.XmlFragment | Y.XmlElement) {
  const children = parent.toArray();
  for (let index = children.length - 1; index >= 0; index -= 1) {
    const child = children[index];
    if (child instanceof Y.XmlElement) {
      const type = documentSchema.nodes[child.nodeName];
      if (!type || type.isText) parent.delete(index, 1);
      else dropUnknown(child);
    } else if (child instanceof Y.XmlText) {
      let offset = 0;
      for (const run of child.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
        const length = typeof run.insert === "string" ? run.insert.length : 1;
        const unloadable = Object.entries(run.attributes ?? {}).filter(([key, value]) => !markIsLoadable(key, value));
        if (unloadable.length > 0)
          child.format(offset, length, Object.fromEntries(unloadable.map(([key]) => [key, null])));
        offset += length;
      }
    } else {
      parent.delete(index, 1);
    }
  }
}

/**
 * Brings a document that holds what the editor's schema cannot load (stored before every change
 * was checked on arrival) back into shape, as one change: other shared types are emptied, unknown
 * elements and marks are removed in place, and only if the result still does not fit the schema is
 * the fragment rewritten from the loadable form of its content. Returns whether anything changed.
 */
export function repairDocument(doc: Y.Doc): boolean {
  const others = [...doc.share.entries()].filter(([name]) => name !== FRAGMENT).map(([, type]) => type as Type);
  const stray = others.some((type) => liveItems(type).length > 0);
  if (!stray && validateDoc(yDocToRawJSON(doc)).ok) return false;
  Y.transact(doc, (transaction) => {
    for (const type of others) for (const item of liveItems(type)) item.delete(transaction);
    const fragment = doc.getXmlFragment(FRAGMENT);
    dropUnknown(fragment);
    if (validateDoc(yDocToRawJSON(doc)).ok) return;
    const source = jsonToYDoc(loadableDoc(yDocToRawJSON(doc))).getXmlFragment(FRAGMENT);
    fragment.delete(0, fragment.length);
    fragment.insert(
      0,
      source.toArray().map((node) => node.clone() as Y.XmlElement | Y.XmlText),
    );
  });
  return true;
}
