import { Extension } from "@tiptap/core";
import { Fragment, type Node as PMNode } from "@tiptap/pm/model";
import { type EditorState, TextSelection, type Transaction } from "@tiptap/pm/state";
import { yUndoPluginKey } from "@tiptap/y-tiptap";
import { BLOCK_LABELS, type BlockType, SECTION_HEADING_LEVEL } from "../../modules/documents/vocabulary";

export type Direction = "up" | "down";

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    reorder: {
      /**
       * Moves the section (when `at`, or the cursor, is on a section heading) or the top-level block
       * there one place up or down, as one change that syncs and undoes like any other.
       */
      moveBlock: (direction: Direction, at?: number) => ReturnType;
    };
  }
}

export const isSectionHeading = (node: PMNode) =>
  node.type.name === "heading" && node.attrs.level === SECTION_HEADING_LEVEL;

/** Start positions of the document's top-level nodes, and the end as the last entry. */
export function starts(doc: PMNode): number[] {
  const out: number[] = [];
  doc.forEach((_node, offset) => {
    out.push(offset);
  });
  out.push(doc.content.size);
  return out;
}

type Unit = { kind: "section" | "block"; from: number; to: number; name: string; index: number; total: number };

export function quoted(text: string) {
  const line = text.trim().replace(/\s+/g, " ");
  return line.length > 40 ? `${line.slice(0, 39)}…` : line;
}

function nameOf(node: PMNode) {
  const label = BLOCK_LABELS[node.type.name as BlockType];
  if (label) return label;
  return quoted(node.textContent) || (node.type.name === "heading" ? "Heading" : "Empty paragraph");
}

/** The index of each section's heading among the top-level nodes. */
export function sectionHeadings(doc: PMNode): number[] {
  const out: number[] = [];
  doc.forEach((node, _offset, i) => {
    if (isSectionHeading(node)) out.push(i);
  });
  return out;
}

/** A move is an undo step of its own: never merged with typing just before or after it. */
export function ownUndoStep(state: EditorState) {
  const undo = yUndoPluginKey.getState(state)?.undoManager;
  undo?.stopCapturing();
  queueMicrotask(() => undo?.stopCapturing());
}

/**
 * New nodes with the same content as the top-level nodes between two positions: the Yjs binding
 * recreates only them, and keeps every node they pass as it was.
 */
export function freshCopies(doc: PMNode, from: number, to: number): Fragment {
  const copies: PMNode[] = [];
  doc.slice(from, to).content.forEach((node) => {
    copies.push(node.type.create(node.attrs, node.content, node.marks));
  });
  return Fragment.from(copies);
}

/**
 * What a move would swap: the unit at a top-level index and its neighbour in that direction. A
 * section swaps with the section beside it (never with the untitled introduction); any other block
 * with the node beside it, which may take it into the next section. Null at either end.
 */
function swap(doc: PMNode, index: number, direction: Direction): { unit: Unit; neighbour: Unit } | null {
  const at = starts(doc);
  const node = doc.child(index);
  if (isSectionHeading(node)) {
    const headings = sectionHeadings(doc);
    const s = headings.indexOf(index);
    const range = (k: number): Unit => ({
      kind: "section",
      from: at[headings[k] as number] as number,
      to: at[headings[k + 1] ?? doc.childCount] as number,
      name: quoted(doc.child(headings[k] as number).textContent) || "Untitled section",
      index: k + 1,
      total: headings.length,
    });
    const other = direction === "up" ? s - 1 : s + 1;
    if (other < 0 || other >= headings.length) return null;
    return { unit: range(s), neighbour: range(other) };
  }
  const block = (i: number): Unit => ({
    kind: "block",
    from: at[i] as number,
    to: at[i + 1] as number,
    name: nameOf(doc.child(i)),
    index: i + 1,
    total: doc.childCount,
  });
  const other = direction === "up" ? index - 1 : index + 1;
  if (other < 0 || other >= doc.childCount) return null;
  return { unit: block(index), neighbour: block(other) };
}

/**
 * Moves `unit` past `neighbour`: the unit is deleted and inserted on the neighbour's far side, and
 * the cursor stays where it was inside it. Yjs has no move, so the shared document sees the unit
 * removed and written anew; its top-level nodes are fresh copies, so the binding recreates only
 * them and keeps everything else, the blocks it passes included, as it was: someone typing there at
 * that moment loses nothing.
 */
function applySwap(tr: Transaction, content: Fragment, unit: Unit, neighbour: Unit, cursor: number) {
  const offset = cursor - unit.from;
  let newFrom: number;
  if (neighbour.from < unit.from) {
    tr.delete(unit.from, unit.to);
    tr.insert(neighbour.from, content);
    newFrom = neighbour.from;
  } else {
    tr.insert(neighbour.to, content);
    tr.delete(unit.from, unit.to);
    newFrom = neighbour.to - (unit.to - unit.from);
  }
  const target = Math.min(Math.max(newFrom + offset, 0), tr.doc.content.size);
  tr.setSelection(TextSelection.near(tr.doc.resolve(target)));
  return newFrom;
}

export const Reorder = Extension.create<{ onMoved: (message: string) => void }>({
  name: "reorder",
  addOptions() {
    return { onMoved: () => {} };
  },
  addCommands() {
    return {
      moveBlock:
        (direction, at) =>
        ({ state, tr, dispatch }) => {
          const pos = at ?? state.selection.from;
          const $pos = state.doc.resolve(Math.min(pos, state.doc.content.size));
          if (state.doc.childCount === 0) return false;
          const index = $pos.depth >= 1 ? $pos.index(0) : Math.min($pos.index(0), state.doc.childCount - 1);
          const found = swap(state.doc, index, direction);
          if (!found) {
            const node = state.doc.child(index);
            const name = isSectionHeading(node) ? quoted(node.textContent) || "Untitled section" : nameOf(node);
            this.options.onMoved(`'${name}' is already ${direction === "up" ? "first" : "last"}`);
            return false;
          }
          const { unit, neighbour } = found;
          if (dispatch) {
            ownUndoStep(state);
            const cursor = at === undefined ? state.selection.from : unit.from + 1;
            applySwap(tr, freshCopies(state.doc, unit.from, unit.to), unit, neighbour, cursor);
            tr.scrollIntoView();
            this.options.onMoved(`Moved '${unit.name}' ${direction}, now ${neighbour.index} of ${unit.total}`);
          }
          return true;
        },
    };
  },
  addKeyboardShortcuts() {
    return {
      "Alt-Shift-ArrowUp": () => this.editor.commands.moveBlock("up"),
      "Alt-Shift-ArrowDown": () => this.editor.commands.moveBlock("down"),
    };
  },
});
