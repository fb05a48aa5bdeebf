import {
  isSuggestChangesEnabled,
  suggestChanges,
  suggestChangesKey,
  transformToSuggestionTransaction,
} from "@handlewithcare/prosemirror-suggest-changes";
import { type AnyExtension, Extension, type Mark as MarkExtension, mergeAttributes } from "@tiptap/core";
import type { Mark, Node as PMNode } from "@tiptap/pm/model";
import { Plugin, type Transaction } from "@tiptap/pm/state";
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
    next(transformToSuggestionTransaction(transaction, state, () => newSuggestionId(this.options.userId)));
  },
});
