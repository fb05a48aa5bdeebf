import {
  type AnyExtension,
  callOrReturn,
  Extension,
  getExtensionField,
  Mark,
  type Node,
  type NodeConfig,
} from "@tiptap/core";
import { isSuggestionId } from "./suggestion-ids";

const validateId = (value: unknown) => {
  if (!isSuggestionId(value)) throw new RangeError("A suggestion needs the id of who made it.");
};

const idAttribute = {
  id: {
    default: null,
    validate: validateId,
    parseHTML: (el: HTMLElement) => el.getAttribute("data-suggestion"),
    renderHTML: (attrs: Record<string, unknown>) => ({ "data-suggestion": attrs.id }),
  },
};

/** Words suggested for adding: part of the draft only once accepted. */
export const InsertionMark = Mark.create({
  name: "insertion",
  inclusive: false,
  excludes: "deletion modification insertion",
  addAttributes: () => idAttribute,
  parseHTML: () => [{ tag: "ins[data-suggestion]" }],
  renderHTML: ({ HTMLAttributes }) => ["ins", { ...HTMLAttributes, class: "suggestion suggestion-insertion" }, 0],
});

/** Words suggested for removing: still part of the draft until accepted. */
export const DeletionMark = Mark.create({
  name: "deletion",
  inclusive: false,
  excludes: "insertion modification deletion",
  addAttributes: () => idAttribute,
  parseHTML: () => [{ tag: "del[data-suggestion]" }],
  renderHTML: ({ HTMLAttributes }) => ["del", { ...HTMLAttributes, class: "suggestion suggestion-deletion" }, 0],
});

/**
 * The suggestion library needs this mark in the schema, for suggested changes of formatting or
 * settings. Suggesting here covers words and whole blocks only (ADR 31): the editor refuses the rest
 * in Suggesting, and the server refuses it from anyone who may only suggest.
 */
export const ModificationMark = Mark.create({
  name: "modification",
  inclusive: false,
  excludes: "deletion insertion",
  addAttributes: () => ({
    ...idAttribute,
    type: { default: "attr" },
    attrName: { default: null },
    previousValue: { default: null },
    newValue: { default: null },
  }),
  parseHTML: () => [{ tag: "span[data-modification]" }],
  renderHTML: ({ HTMLAttributes }) => ["span", { ...HTMLAttributes, "data-modification": "" }, 0],
});

const SUGGESTION_MARKS = "insertion deletion modification";

/** A whole block suggested for adding or removing, as stored: `insertion:<id>` or `deletion:<id>`. */
export const BLOCK_SUGGESTION = /^(insertion|deletion):(.+)$/;

export function blockSuggestionOf(value: unknown): { type: "insertion" | "deletion"; id: string } | null {
  const match = typeof value === "string" ? BLOCK_SUGGESTION.exec(value) : null;
  if (!match || !isSuggestionId(match[2])) return null;
  return { type: match[1] as "insertion" | "deletion", id: match[2] as string };
}

const INLINE_NODES = new Set(["doc", "text", "hardBreak"]);

/**
 * The shared Yjs document keeps no marks on blocks, so a block's suggestion is also kept in its
 * `suggestion` attribute, which the editor turns back into the mark (app/editor/block-suggestions.ts).
 */
export const BlockSuggestions = Extension.create({
  name: "suggestionBlocks",
  addGlobalAttributes() {
    const types = this.extensions.filter((e) => e.type === "node" && !INLINE_NODES.has(e.name)).map((e) => e.name);
    return [
      {
        types,
        attributes: {
          suggestion: {
            default: null,
            validate: (value: unknown) => {
              if (value !== null && !blockSuggestionOf(value)) throw new RangeError("Not a block suggestion.");
            },
            rendered: false,
          },
        },
      },
    ];
  },
});

/**
 * A node that holds blocks (the document, lists, training blocks) allows the suggestion marks on its
 * children, so whole blocks can be suggested; nodes that hold text keep allowing every mark.
 */
export function allowingBlockSuggestions(extension: AnyExtension): AnyExtension {
  if (extension.type !== "node") return extension;
  const context = { name: extension.name, options: extension.options, storage: extension.storage };
  const content = callOrReturn(getExtensionField<NodeConfig["content"]>(extension, "content", context));
  const holdsBlocks = typeof content === "string" && content !== "" && !/inline|text/.test(content);
  return holdsBlocks ? (extension as Node).extend({ marks: SUGGESTION_MARKS }) : extension;
}
