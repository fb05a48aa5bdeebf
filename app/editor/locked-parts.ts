import { Extension } from "@tiptap/core";
import { isChangeOrigin } from "@tiptap/extension-collaboration";
import type { Node } from "@tiptap/pm/model";
import { type EditorState, Plugin, PluginKey, type Transaction } from "@tiptap/pm/state";
import { AddMarkStep, RemoveMarkStep } from "@tiptap/pm/transform";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { BLOCK_TYPES, SECTION_HEADING_LEVEL } from "../../modules/documents/vocabulary";

/** A lock as the editor shows it: which part, and the sentence that says who locked it, when and why. */
export type LockedPart = { nodeId: string; says: string };

type Range = { lock: LockedPart; from: number; to: number; first: number; last: number };

const key = new PluginKey<LockedPart[]>("lockedParts");

const isSectionHeading = (node: Node) => node.type.name === "heading" && node.attrs.level === SECTION_HEADING_LEVEL;
const isLockable = (node: Node) =>
  isSectionHeading(node) || (BLOCK_TYPES as readonly string[]).includes(node.type.name);

/**
 * Where each locked part is in the document, as top-level nodes: a section from its heading to the
 * next section heading, a block alone (the same parts the server judges, in modules/documents/parts).
 */
function rangesOf(doc: Node, locks: readonly LockedPart[]): Range[] {
  const children: { node: Node; pos: number }[] = [];
  doc.forEach((node, pos) => {
    children.push({ node, pos });
  });
  const ranges: Range[] = [];
  for (const lock of locks) {
    const first = children.findIndex(({ node }) => isLockable(node) && node.attrs.id === lock.nodeId);
    const start = children[first];
    if (!start) continue;
    let last = first;
    if (isSectionHeading(start.node)) {
      while (last + 1 < children.length && !isSectionHeading((children[last + 1] as { node: Node }).node)) last += 1;
    }
    const end = children[last] as { node: Node; pos: number };
    ranges.push({ lock, from: start.pos, to: end.pos + end.node.nodeSize, first, last });
  }
  return ranges;
}

/** The nodes of a part, to compare before and after a change. */
function partOf(doc: Node, lock: LockedPart): Node[] | null {
  const range = rangesOf(doc, [lock])[0];
  if (!range) return null;
  const nodes: Node[] = [];
  for (let i = range.first; i <= range.last; i++) nodes.push(doc.child(i));
  return nodes;
}

const samePart = (a: Node[] | null, b: Node[] | null) =>
  a === null || b === null ? a === b : a.length === b.length && a.every((node, i) => node.eq(b[i] as Node));

/** Comments may still be anchored on what was agreed: the server leaves comment anchors aside too. */
const onlyComments = (tr: Transaction) =>
  tr.steps.every(
    (step) => (step instanceof AddMarkStep || step instanceof RemoveMarkStep) && step.mark.type.name === "comment",
  );

function badge(says: string) {
  const element = document.createElement("p");
  element.className = "lock-badge";
  element.contentEditable = "false";
  const icon = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  icon.setAttribute("viewBox", "0 0 16 16");
  icon.setAttribute("aria-hidden", "true");
  icon.setAttribute("focusable", "false");
  icon.innerHTML =
    '<path fill="currentColor" d="M5 7V5a3 3 0 0 1 6 0v2h1a1 1 0 0 1 1 1v6a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V8a1 1 0 0 1 1-1h1Zm1.5 0h3V5a1.5 1.5 0 0 0-3 0v2Z"/>';
  element.append(icon, document.createTextNode(` ${says}`));
  return element;
}

/**
 * Locked parts cannot be changed here, so nobody types into something the server would refuse:
 * they are shown with who locked them, when and why, are not editable, and any change of one's own
 * that would alter them is dropped. Changes from others always apply, so no one diverges.
 */
export const LockedParts = Extension.create({
  name: "lockedParts",
  addCommands() {
    return {
      setLockedParts:
        (locks: LockedPart[]) =>
        ({ tr, dispatch }) => {
          if (dispatch) tr.setMeta(key, locks).setMeta("addToHistory", false);
          return true;
        },
    };
  },
  addProseMirrorPlugins() {
    return [
      new Plugin<LockedPart[]>({
        key,
        state: {
          init: () => [],
          apply: (tr, locks) => (tr.getMeta(key) as LockedPart[] | undefined) ?? locks,
        },
        filterTransaction: (tr, state) => {
          const locks = key.getState(state) ?? [];
          if (!tr.docChanged || locks.length === 0 || isChangeOrigin(tr) || onlyComments(tr)) return true;
          return locks.every((lock) => samePart(partOf(state.doc, lock), partOf(tr.doc, lock)));
        },
        props: {
          decorations: (state) => {
            const locks = key.getState(state) ?? [];
            if (locks.length === 0) return DecorationSet.empty;
            const decorations: Decoration[] = [];
            for (const range of rangesOf(state.doc, locks)) {
              decorations.push(
                Decoration.widget(range.from, () => badge(range.lock.says), {
                  side: -1,
                  key: `lock-${range.lock.nodeId}`,
                }),
              );
              for (let i = range.first, pos = range.from; i <= range.last; i++) {
                const node = state.doc.child(i);
                decorations.push(
                  Decoration.node(pos, pos + node.nodeSize, { class: "locked-part", contenteditable: "false" }),
                );
                pos += node.nodeSize;
              }
            }
            return DecorationSet.create(state.doc, decorations);
          },
        },
      }),
    ];
  },
});

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    lockedParts: { setLockedParts: (locks: LockedPart[]) => ReturnType };
  }
}

/**
 * Gives every section heading and training block that has no id yet one, once the document has
 * synced, so that a facilitator can lock it. Locked parts already have theirs and are left alone.
 */
export function giveLockableIds(
  editor: { state: EditorState; view: { dispatch(tr: Transaction): void } },
  newId: () => string,
) {
  const { doc } = editor.state;
  const locked = rangesOf(doc, key.getState(editor.state) ?? []);
  const tr = editor.state.tr;
  doc.forEach((node, pos) => {
    if (!isLockable(node) || node.attrs.id) return;
    if (locked.some((range) => pos >= range.from && pos < range.to)) return;
    tr.setNodeAttribute(pos, "id", newId());
  });
  if (tr.docChanged) editor.view.dispatch(tr.setMeta("addToHistory", false));
}
