import type { Editor } from "@tiptap/core";
import {
  absolutePositionToRelativePosition,
  relativePositionToAbsolutePosition,
  ySyncPluginKey,
} from "@tiptap/y-tiptap";

/**
 * A selection remembered as Yjs relative positions, so it still points at the same words after
 * anyone's edits while the person writes their comment.
 */
export type Anchor = { from: unknown; to: unknown };

function yState(editor: Editor) {
  const state = ySyncPluginKey.getState(editor.state);
  return state?.binding ? state : null;
}

/**
 * The selected range. A read-only editor (a reviewer's) does not track the selection in its state,
 * so it is read from the browser's selection instead.
 */
function selectedRange(editor: Editor): { from: number; to: number } | null {
  const { from, to, empty } = editor.state.selection;
  if (!empty) return { from, to };
  const dom = window.getSelection();
  if (!dom || dom.isCollapsed || !dom.anchorNode || !dom.focusNode) return null;
  if (!editor.view.dom.contains(dom.anchorNode) || !editor.view.dom.contains(dom.focusNode)) return null;
  try {
    const a = editor.view.posAtDOM(dom.anchorNode, dom.anchorOffset);
    const b = editor.view.posAtDOM(dom.focusNode, dom.focusOffset);
    return a === b ? null : { from: Math.min(a, b), to: Math.max(a, b) };
  } catch {
    return null;
  }
}

export function hasSelection(editor: Editor): boolean {
  return selectedRange(editor) !== null;
}

export function captureSelection(editor: Editor): { quote: string; anchor: Anchor } | null {
  const range = selectedRange(editor);
  const y = yState(editor);
  if (!range || !y) return null;
  const { from, to } = range;
  const quote = editor.state.doc.textBetween(from, to, " ").replace(/\s+/g, " ").trim().slice(0, 500);
  if (!quote) return null;
  return {
    quote,
    anchor: {
      from: absolutePositionToRelativePosition(from, y.type, y.binding.mapping),
      to: absolutePositionToRelativePosition(to, y.type, y.binding.mapping),
    },
  };
}

/** Marks the remembered words with the thread's comment mark. False when the words are gone. */
export function anchorThread(editor: Editor, threadId: string, anchor: Anchor): boolean {
  const y = yState(editor);
  if (!y) return false;
  const from = relativePositionToAbsolutePosition(y.doc, y.type, anchor.from, y.binding.mapping);
  const to = relativePositionToAbsolutePosition(y.doc, y.type, anchor.to, y.binding.mapping);
  if (from === null || to === null || from >= to) return false;
  const mark = editor.schema.marks.comment?.create({ threadId });
  if (!mark) return false;
  editor.view.dispatch(editor.state.tr.addMark(from, to, mark));
  return true;
}

export function anchoredThreadIds(editor: Editor): string[] {
  const ids = new Set<string>();
  editor.state.doc.descendants((node) => {
    for (const mark of node.marks) if (mark.type.name === "comment") ids.add(String(mark.attrs.threadId));
  });
  return [...ids];
}

/** Selects the words a thread is about and brings them into view. */
export function revealThread(editor: Editor, threadId: string) {
  let range: { from: number; to: number } | null = null;
  editor.state.doc.descendants((node, pos) => {
    if (!node.isText || !node.marks.some((m) => m.type.name === "comment" && m.attrs.threadId === threadId)) return;
    range = range ? { from: range.from, to: pos + node.nodeSize } : { from: pos, to: pos + node.nodeSize };
  });
  if (!range) return;
  editor.chain().focus().setTextSelection(range).scrollIntoView().run();
}

export function threadAtCursor(editor: Editor): string | null {
  const mark = editor.state.selection.$from.marks().find((m) => m.type.name === "comment");
  return mark ? String(mark.attrs.threadId) : null;
}
