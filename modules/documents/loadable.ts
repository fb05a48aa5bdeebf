import { Fragment, type Mark, type Node, type NodeType } from "@tiptap/pm/model";
import { documentSchema } from "./extensions";
import type { DocJSON } from "./json";
import { EMPTY_DOC, validateDoc } from "./json";
import { withoutUnsetSuggestions } from "./suggestions";

const schema = documentSchema;

/** The marks the schema knows, with attributes it accepts (where they may go is decided by the parent). */
function marksOf(json: DocJSON["marks"]): readonly Mark[] {
  const marks: Mark[] = [];
  for (const m of json ?? []) {
    const type = schema.marks[String(m.type)];
    if (!type) continue;
    try {
      marks.push(type.create(m.attrs ?? null));
    } catch {
      // An attribute the mark refuses (a comment anchor without a thread): the mark goes, the words stay.
    }
  }
  return marks.reduce<readonly Mark[]>((set, mark) => mark.addToSet(set), []);
}

function createNode(type: NodeType, json: DocJSON, content: Fragment): Node | null {
  for (const attrs of [json.attrs ?? null, null]) {
    try {
      const node = type.create(attrs, content, marksOf(json.marks));
      node.check();
      return node;
    } catch {
      // Try again with the node's default attributes, then give up on it.
    }
  }
  return null;
}

/** Keeps the children that fit the node's content expression, adding any required ones that are missing. */
function fitted(type: NodeType, children: Node[]): Fragment {
  const kept: Node[] = [];
  let match = type.contentMatch;
  for (const original of children) {
    let child = original.mark(original.marks.filter((m) => type.allowsMarkType(m.type)));
    if (child.isInline && !match.matchType(child.type)) {
      const paragraph = schema.nodes.paragraph?.createAndFill(null, child);
      if (paragraph) child = paragraph;
    }
    const fill = match.fillBefore(Fragment.from(child));
    if (!fill) continue;
    const next = match.matchFragment(fill.append(Fragment.from(child)));
    if (!next) continue;
    fill.forEach((n) => {
      kept.push(n);
    });
    kept.push(child);
    match = next;
  }
  const end = match.fillBefore(Fragment.empty, true);
  return Fragment.fromArray(kept).append(end ?? Fragment.empty);
}

function toNode(json: DocJSON): Node | null {
  const type = schema.nodes[String(json.type)];
  if (!type) return null;
  if (type.isText) {
    if (!json.text) return null;
    try {
      return schema.text(json.text, marksOf(json.marks));
    } catch {
      return null;
    }
  }
  const children = (json.content ?? []).map(toNode).filter((n): n is Node => n !== null);
  return createNode(type, json, fitted(type, children));
}

/**
 * A document the editor's schema can load, from JSON that may hold nodes or marks it does not know,
 * or nodes where they are not allowed (a stored document written before the server checked every
 * change). What cannot be placed is dropped; what can is kept as it was. A valid document comes
 * back unchanged.
 */
export function loadableDoc(json: DocJSON): DocJSON {
  if (validateDoc(json).ok) return json;
  const root = json.type === "doc" ? toNode(json) : null;
  if (!root) return EMPTY_DOC;
  return withoutUnsetSuggestions(root.toJSON() as DocJSON);
}
