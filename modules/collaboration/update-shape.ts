import * as Y from "yjs";
import { FRAGMENT } from "./protocol";

/**
 * What an incoming Yjs update is made of, read from its own structures against the document it
 * would be applied to, before anything is applied.
 */
export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

type Struct = Y.Item | Y.GC | Y.Skip;
// biome-ignore lint/suspicious/noExplicitAny: shared types of every kind (Yjs types them by their events)
type Type = Y.AbstractType<any>;

/** The struct of a document that holds `id`, or null when the document has not seen it. */
export function structAt(doc: Y.Doc, id: Y.ID): Y.Item | Y.GC | null {
  if (id.clock >= Y.getState(doc.store, id.client)) return null;
  const structs = doc.store.clients.get(id.client);
  if (!structs) return null;
  return structs[Y.findIndexSS(structs, id.clock)] ?? null;
}

/** The shared type at the top of a nested type (the document fragment, or any other root type). */
function rootOf(type: Type): Type {
  let current = type;
  while (current._item) current = current._item.parent as Type;
  return current;
}

export function rootName(doc: Y.Doc, type: Type): string | null {
  const root = rootOf(type);
  for (const [name, shared] of doc.share) if (shared === root) return name;
  return null;
}

/** Structs of the update by client, in clock order (an update lists each client's structs in order). */
function byClient(structs: Struct[]) {
  const clients = new Map<number, Struct[]>();
  for (const struct of structs) {
    const list = clients.get(struct.id.client) ?? [];
    list.push(struct);
    clients.set(struct.id.client, list);
  }
  return clients;
}

function structIn(clients: Map<number, Struct[]>, id: Y.ID): Struct | null {
  for (const struct of clients.get(id.client) ?? []) {
    if (struct.id.clock <= id.clock && id.clock < struct.id.clock + struct.length) return struct;
  }
  return null;
}

/**
 * The structs an update deletes, from the document or from the update itself; null when it deletes
 * something neither holds (it would wait for changes the server never received).
 */
export function deletedStructs(doc: Y.Doc, decoded: DecodedUpdate): Struct[] | null {
  const own = byClient(decoded.structs);
  const found: Struct[] = [];
  for (const [client, ranges] of decoded.ds.clients) {
    for (const { clock, len } of ranges) {
      for (let at = clock; at < clock + len; ) {
        const id = Y.createID(client, at);
        const struct = structAt(doc, id) ?? structIn(own, id);
        if (!struct) return null;
        found.push(struct);
        at = struct.id.clock + struct.length;
      }
    }
  }
  return found;
}

/**
 * Where an update puts a new item: the existing shared type it goes into, "gone" when that is
 * already deleted (the item arrives deleted and changes nothing), or null when it cannot be told
 * without applying the update (a new type, a root type, or an origin the document does not have).
 */
function existingParent(doc: Y.Doc, clients: Map<number, Struct[]>, item: Y.Item): Type | "gone" | null {
  let current: Y.Item = item;
  for (let hops = 0; hops < 10_000; hops += 1) {
    const parent = current.parent as unknown;
    if (typeof parent === "string") return null;
    if (parent instanceof Y.ID) {
      const holder = structAt(doc, parent);
      if (holder instanceof Y.GC || (holder instanceof Y.Item && holder.deleted)) return "gone";
      return holder instanceof Y.Item && holder.content instanceof Y.ContentType ? holder.content.type : null;
    }
    const neighbour = current.origin ?? current.rightOrigin;
    if (!neighbour) return null;
    const known = structAt(doc, neighbour);
    if (known instanceof Y.GC) return "gone";
    if (known instanceof Y.Item) return known.parent as Type;
    const inUpdate = structIn(clients, neighbour);
    if (!(inUpdate instanceof Y.Item)) return null;
    current = inUpdate;
  }
  return null;
}

/**
 * Whether an update only types or deletes characters, or removes formatting, inside text that is
 * already in the document fragment and may hold text: the change that most keystrokes make, and one
 * that keeps a valid document valid. Anything else (new elements, attributes, marks, other shared
 * types, references to changes the server does not have) answers false, and is judged on a copy.
 */
export function onlyEditsText(doc: Y.Doc, decoded: DecodedUpdate, mayHoldText: (nodeName: string) => boolean): boolean {
  const fragment = doc.share.get(FRAGMENT);
  if (!fragment) return false;
  const clients = byClient(decoded.structs);
  for (const [client, structs] of clients) {
    // A gap before the first struct means the update waits for changes the server never received.
    if ((structs[0]?.id.clock ?? 0) > Y.getState(doc.store, client)) return false;
  }
  const textual = new Map<Type, boolean>();
  const isEditableText = (type: Type) => {
    const known = textual.get(type);
    if (known !== undefined) return known;
    const element = type._item?.parent;
    const result =
      type instanceof Y.XmlText &&
      element instanceof Y.XmlElement &&
      mayHoldText(element.nodeName) &&
      rootOf(type) === fragment;
    textual.set(type, result);
    return result;
  };
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item) || struct.parentSub !== null) return false;
    if (!(struct.content instanceof Y.ContentString || struct.content instanceof Y.ContentDeleted)) return false;
    const parent = existingParent(doc, clients, struct);
    if (parent === null || (parent !== "gone" && !isEditableText(parent))) return false;
  }
  const deleted = deletedStructs(doc, decoded);
  if (!deleted) return false;
  for (const struct of deleted) {
    if (!(struct instanceof Y.Item) || struct.deleted) continue;
    const content = struct.content;
    const removable =
      content instanceof Y.ContentString || content instanceof Y.ContentFormat || content instanceof Y.ContentDeleted;
    if (!removable || struct.parentSub !== null) return false;
    const parent = structAt(doc, struct.id) === struct ? (struct.parent as Type) : existingParent(doc, clients, struct);
    if (parent === null || (parent !== "gone" && !isEditableText(parent))) return false;
  }
  return true;
}

/** The root types an update inserts into or deletes from, judged on the documents before and after it. */
export function rootsChanged(before: Y.Doc, after: Y.Doc, decoded: DecodedUpdate): Set<string> {
  const roots = new Set<string>();
  const add = (doc: Y.Doc, struct: Struct | null) => {
    if (!(struct instanceof Y.Item) || !struct.parent) return;
    roots.add(rootName(doc, struct.parent as Type) ?? "(unknown)");
  };
  for (const struct of decoded.structs) {
    if (struct instanceof Y.Item) add(after, structAt(after, struct.id));
    else if (struct instanceof Y.Skip) roots.add("(unknown)");
  }
  for (const struct of deletedStructs(before, decoded) ?? []) {
    if (struct instanceof Y.Item && structAt(before, struct.id) === struct) add(before, struct);
    else if (struct instanceof Y.Item) add(after, structAt(after, struct.id));
  }
  return roots;
}
