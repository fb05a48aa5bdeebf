import {
  isSuggestChangesEnabled,
  suggestChanges,
  suggestChangesKey,
  transformToSuggestionTransaction,
} from "@handlewithcare/prosemirror-suggest-changes";
import { type AnyExtension, Extension, type Mark as MarkExtension, mergeAttributes } from "@tiptap/core";
import type { Mark, Node as PMNode } from "@tiptap/pm/model";
import { type Command, type EditorState, Plugin, type Transaction } from "@tiptap/pm/state";
import { AddMarkStep, AddNodeMarkStep, AttrStep, RemoveMarkStep, RemoveNodeMarkStep } from "@tiptap/pm/transform";
import { colourFor } from "../../modules/collaboration/protocol";
import { authorOfSuggestion, newSuggestionId } from "../../modules/documents/suggestion-ids";
import { blockSuggestionOf } from "../../modules/documents/suggestion-marks";

const SUGGESTION_MARKS = new Set(["insertion", "deletion", "modification"]);
/** Marks that may change in Suggesting as they are: comments are not part of the text. */
const AS_THEY_ARE = new Set(["comment"]);

export const SUGGESTING_REFUSED =
  "In Suggesting, you can suggest adding or removing words and blocks. Formatting and block settings (such as a check's right answer or a content note's topics) are changed in Editing, or suggested in a comment.";

/** Whether a transaction only adds or removes comment anchors. */
function onlyComments(tr: Transaction): boolean {
  return (
    tr.steps.length > 0 &&
    tr.steps.every(
      (step) => (step instanceof AddMarkStep || step instanceof RemoveMarkStep) && AS_THEY_ARE.has(step.mark.type.name),
    )
  );
}

/** Whether a transaction changes formatting or a block's settings, which Suggesting does not cover (ADR 31). */
function changesSettings(tr: Transaction): boolean {
  return tr.steps.some((step) => {
    if (step instanceof AttrStep) return step.attr !== "suggestion";
    if (step instanceof AddMarkStep || step instanceof RemoveMarkStep) {
      return !AS_THEY_ARE.has(step.mark.type.name) && !SUGGESTION_MARKS.has(step.mark.type.name);
    }
    if (step instanceof AddNodeMarkStep || step instanceof RemoveNodeMarkStep) {
      return !SUGGESTION_MARKS.has(step.mark.type.name);
    }
    return false;
  });
}

const blockMarkOf = (node: PMNode): Mark | undefined =>
  node.marks.find((m) => m.type.name === "insertion" || m.type.name === "deletion");
const stored = (mark: Mark | undefined) => (mark ? `${mark.type.name}:${String(mark.attrs.id)}` : null);

/**
 * The shared Yjs document keeps no marks on blocks, so a whole block's suggestion travels in its
 * `suggestion` attribute: a change made here writes the attribute from the mark; a change that came
 * from someone else puts the mark back from the attribute.
 */
function blockSuggestionBridge() {
  return new Plugin({
    appendTransaction(transactions, _old, state) {
      if (!transactions.some((tr) => tr.docChanged)) return null;
      const remote = transactions.some((tr) => tr.getMeta("y-sync$")?.isChangeOrigin);
      const tr = state.tr;
      state.doc.descendants((node, pos) => {
        if (node.isText || !("suggestion" in node.attrs)) return true;
        const mark = blockMarkOf(node);
        if (remote) {
          const wanted = blockSuggestionOf(node.attrs.suggestion);
          if (stored(mark) === (wanted ? `${wanted.type}:${wanted.id}` : null)) return true;
          if (mark) tr.removeNodeMark(pos, mark);
          if (wanted) tr.addNodeMark(pos, state.schema.marks[wanted.type]?.create({ id: wanted.id }) as Mark);
        } else if (stored(mark) !== (node.attrs.suggestion ?? null)) {
          tr.setNodeAttribute(pos, "suggestion", stored(mark));
        }
        return true;
      });
      if (!tr.docChanged) return null;
      return tr.setMeta(suggestChangesKey, { skip: true }).setMeta("addToHistory", false);
    },
  });
}

/**
 * The suggestion marks as the editor shows them: in their author's colour, with their name (from
 * the suggestion's id), so people see whose each suggestion is.
 */
export function withSuggesterNames(extension: AnyExtension, nameOf: (userId: string) => string): AnyExtension {
  if (extension.name !== "insertion" && extension.name !== "deletion") return extension;
  const tag = extension.name === "insertion" ? "ins" : "del";
  const verb = extension.name === "insertion" ? "adding" : "removing";
  return (extension as MarkExtension).extend({
    renderHTML({ mark, HTMLAttributes }) {
      const author = authorOfSuggestion(mark.attrs.id) ?? "";
      return [
        tag,
        mergeAttributes(HTMLAttributes, {
          class: `suggestion suggestion-${extension.name}`,
          style: `--suggester: ${colourFor(author)}`,
          title: `${nameOf(author)} suggests ${verb} this`,
        }),
        0,
      ];
    },
  });
}

/** Where a transaction's steps touched its resulting document. */
function touchedRanges(tr: Transaction): [number, number][] {
  const size = tr.doc.content.size;
  return tr.steps.map((step, i) => {
    const at = step as unknown as { from?: number; to?: number; pos?: number };
    const from = at.from ?? at.pos ?? 0;
    const to = at.to ?? (at.pos !== undefined ? at.pos + 1 : from);
    const after = tr.mapping.slice(i);
    return [Math.max(0, after.map(from, -1)), Math.min(size, after.map(to, 1))];
  });
}

const suggestionMarkOf = (marks: readonly Mark[]) =>
  marks.find((m) => m.type.name === "insertion" || m.type.name === "deletion");

/**
 * Gives every suggestion mark a transaction made its rightful id. The library joins a change to the
 * suggestion right beside it by reusing that suggestion's id (and re-ids a suggestion just after it to
 * match), but our ids name their author: what was already suggested keeps the id it had, and what this
 * person newly suggests is theirs, joining one of their own only.
 */
function inTheirOwnName(tr: Transaction, before: PMNode, userId: string): Transaction {
  const back = tr.mapping.invert();
  const mine = new Map<string, string>();
  const ownId = (id: string) => {
    if (authorOfSuggestion(id) === userId) return id;
    const fresh = mine.get(id) ?? newSuggestionId(userId);
    mine.set(id, fresh);
    return fresh;
  };
  /** The id a mark of this kind should have on what starts at `pos`, given what stood there before. */
  const wanted = (pos: number, mark: Mark, earlier: (oldPos: number) => readonly Mark[] | undefined) => {
    const origin = back.mapResult(pos, 1);
    const old = origin.deletedAfter ? undefined : earlier(origin.pos)?.find((m) => m.type === mark.type);
    return old ? String(old.attrs.id) : ownId(String(mark.attrs.id));
  };
  const fixes: { from: number; to: number; node: boolean; mark: Mark; id: string }[] = [];
  for (const [from, to] of touchedRanges(tr)) {
    tr.doc.nodesBetween(from, to, (node, pos) => {
      const mark = suggestionMarkOf(node.marks);
      if (!mark) return true;
      if (!node.isText) {
        const id = wanted(pos, mark, (old) => before.nodeAt(old)?.marks);
        if (id !== mark.attrs.id) fixes.push({ from: pos, to: pos + node.nodeSize, node: true, mark, id });
        return true;
      }
      // Character by character: one text node can hold words that were there and words just typed.
      // Runs that want the same id become one fix, so a long paste is one step, not one per letter.
      for (let at = Math.max(pos, from); at < Math.min(pos + node.nodeSize, to); at++) {
        const id = wanted(at, mark, (old) => (old < before.content.size ? before.nodeAt(old)?.marks : undefined));
        if (id === mark.attrs.id) continue;
        const last = fixes.at(-1);
        if (last && !last.node && last.to === at && last.id === id && last.mark === mark) last.to = at + 1;
        else fixes.push({ from: at, to: at + 1, node: false, mark, id });
      }
      return false;
    });
  }
  for (const fix of fixes) {
    const renamed = fix.mark.type.create({ ...fix.mark.attrs, id: fix.id });
    if (fix.node) {
      tr.removeNodeMark(fix.from, fix.mark).addNodeMark(fix.from, renamed);
    } else {
      tr.removeMark(fix.from, fix.to, fix.mark).addMark(fix.from, fix.to, renamed);
    }
  }
  return tr;
}

/** This person's change, made into suggestions in their name. */
export function suggestedTransaction(tr: Transaction, state: EditorState, userId: string): Transaction {
  return inTheirOwnName(
    transformToSuggestionTransaction(tr, state, () => newSuggestionId(userId)),
    state.doc,
    userId,
  );
}

const JOIN_MARKER = "\u200b";

/**
 * Accepts or rejects one suggestion, and nothing beside it. The library's own commands run on
 * through a neighbouring suggestion of the same kind whatever its id, so rejecting one person's words
 * would also drop another's typed right after them. Words that go are deleted (with one of two spaces
 * left around them); a removal or an addition across blocks joins them again as it was.
 */
export function decideSuggestion(id: string, accept: boolean): Command {
  return (state, dispatch) => {
    const tr = state.tr;
    const gone: [number, number][] = [];
    state.doc.descendants((node, pos) => {
      const mark = node.marks.find((m) => SUGGESTION_MARKS.has(m.type.name) && m.attrs.id === id);
      if (!mark) return true;
      if ((mark.type.name === "insertion") !== accept || node.text === JOIN_MARKER) {
        gone.push([pos, pos + node.nodeSize]);
        return false;
      }
      if (node.isInline) tr.removeMark(pos, pos + node.nodeSize, mark);
      else tr.removeNodeMark(pos, mark);
      return true;
    });
    const joined: [number, number][] = [];
    for (const [from, to] of gone) {
      const last = joined.at(-1);
      // Nothing but block boundaries between two pieces: one change across blocks.
      if (last && state.doc.textBetween(last[1], from, "", "\ufffc") === "") last[1] = to;
      else joined.push([from, to]);
    }
    const size = state.doc.content.size;
    const charAt = (pos: number) => (pos >= 0 && pos < size ? state.doc.textBetween(pos, pos + 1, "\n", "\n") : "");
    for (const [from, to] of joined.reverse()) {
      const spaces = charAt(from - 1) === " " && charAt(to) === " ";
      tr.delete(from, spaces ? to + 1 : to);
    }
    if (!tr.docChanged) return false;
    dispatch?.(tr.setMeta(suggestChangesKey, { skip: true }));
    return true;
  };
}

export type SuggestingOptions = {
  userId: string;
  /** Called when a change cannot be suggested, with why. */
  onRefused: (message: string) => void;
};

/**
 * Suggesting: while it is on, what this person types or removes is kept as a suggestion in their name
 * (the suggestion library rewrites each transaction before it is applied); comments are added as
 * they are; formatting and block settings are refused with a plain message.
 */
export const Suggesting = Extension.create<SuggestingOptions>({
  name: "suggesting",
  addOptions: () => ({ userId: "", onRefused: () => {} }),
  addProseMirrorPlugins() {
    return [suggestChanges(), blockSuggestionBridge()];
  },
  dispatchTransaction({ transaction, next }) {
    const state = this.editor.state;
    const sync = transaction.getMeta("y-sync$") ?? {};
    const own =
      isSuggestChangesEnabled(state) &&
      transaction.docChanged &&
      !sync.isChangeOrigin &&
      !sync.isUndoRedoOperation &&
      !transaction.getMeta("history$") &&
      !("skip" in (transaction.getMeta(suggestChangesKey) ?? {}));
    if (!own || onlyComments(transaction)) return next(transaction);
    if (changesSettings(transaction)) {
      this.options.onRefused(SUGGESTING_REFUSED);
      return;
    }
    next(suggestedTransaction(transaction, state, this.options.userId));
  },
});
