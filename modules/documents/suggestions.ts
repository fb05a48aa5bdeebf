import type { DocJSON } from "./json";
import { textOf } from "./sections";
import { authorOfSuggestion } from "./suggestion-ids";
import { blockSuggestionOf } from "./suggestion-marks";

export type SuggestionKind = "insertion" | "deletion" | "modification";
const KINDS: ReadonlySet<string> = new Set<SuggestionKind>(["insertion", "deletion", "modification"]);

/** The library marks where a deletion joins two blocks with a zero-width space; it is not the writer's text. */
const JOIN_MARKER = /\u200b/g;

/** A node's own suggestion, from its marks or, for a block, from its `suggestion` attribute. */
function suggestionOf(node: DocJSON): { kind: SuggestionKind; id: string } | null {
  for (const mark of node.marks ?? []) {
    if (KINDS.has(String(mark.type))) return { kind: mark.type as SuggestionKind, id: String(mark.attrs?.id ?? "") };
  }
  const block = blockSuggestionOf(node.attrs?.suggestion);
  return block ? { kind: block.type, id: block.id } : null;
}

function withoutSuggestionMarks(node: DocJSON): DocJSON {
  const { marks, attrs, content: _content, ...rest } = node;
  const kept = marks?.filter((m) => !KINDS.has(String(m.type)));
  const { suggestion: _suggestion, ...keptAttrs } = attrs ?? {};
  return {
    ...rest,
    ...(attrs ? { attrs: keptAttrs } : {}),
    ...(kept && kept.length > 0 ? { marks: kept } : {}),
  };
}

/**
 * The draft as it stands with every open suggestion rejected: suggested words and blocks left out,
 * words suggested for removal kept. This is what readers of a draft see (preview, exports, search),
 * and what someone who may only suggest must leave unchanged.
 */
export function withoutSuggestions(node: DocJSON): DocJSON {
  const own = suggestionOf(node);
  const bare = withoutSuggestionMarks(node);
  if (own?.kind === "deletion" && bare.type === "text") bare.text = (bare.text ?? "").replace(JOIN_MARKER, "");
  if (!node.content) return bare;
  const content = node.content
    .filter((child) => suggestionOf(child)?.kind !== "insertion")
    .map(withoutSuggestions)
    .filter((child) => child.type !== "text" || (child.text ?? "") !== "");
  return { ...bare, content };
}

const hasMarkedText = (node: DocJSON): boolean =>
  (node.content ?? []).some((child) => (child.type === "text" ? suggestionOf(child) !== null : hasMarkedText(child)));

export type OpenSuggestion = {
  id: string;
  /** The user id of who made it. */
  author: string;
  kinds: SuggestionKind[];
  /** The words suggested for adding, and for removing. */
  added: string;
  removed: string;
  /** Whole blocks suggested for adding or removing. */
  blocks: number;
};

/** Every suggestion still open in a document, in the order they first appear. */
export function openSuggestions(doc: DocJSON): OpenSuggestion[] {
  const found = new Map<string, OpenSuggestion>();
  const visit = (node: DocJSON) => {
    const own = suggestionOf(node);
    if (own) {
      const author = authorOfSuggestion(own.id) ?? "";
      const entry = found.get(own.id) ?? { id: own.id, author, kinds: [], added: "", removed: "", blocks: 0 };
      if (!entry.kinds.includes(own.kind)) entry.kinds.push(own.kind);
      // A block's words are counted with the block unless they carry their own marks (then they are counted there).
      const text =
        node.type === "text"
          ? (node.text ?? "").replace(JOIN_MARKER, "")
          : hasMarkedText(node)
            ? ""
            : ` ${textOf(node)} `;
      if (node.type !== "text") entry.blocks += 1;
      if (own.kind === "insertion") entry.added += text;
      if (own.kind === "deletion") entry.removed += text;
      found.set(own.id, entry);
    }
    for (const child of node.content ?? []) visit(child);
  };
  visit(doc);
  return [...found.values()].map((s) => ({ ...s, added: s.added.trim(), removed: s.removed.trim() }));
}

export type Footprint = Record<SuggestionKind, string>;

/**
 * What each suggestion covers, by id: its text of each kind, joined whatever splits it (a comment), and
 * a marker per block. Used to tell whether someone took away part of another person's suggestion.
 */
export function suggestionFootprints(doc: DocJSON): Map<string, Footprint> {
  const footprints = new Map<string, Footprint>();
  const visit = (node: DocJSON) => {
    const own = suggestionOf(node);
    if (own) {
      const footprint = footprints.get(own.id) ?? { insertion: "", deletion: "", modification: "" };
      footprint[own.kind] += node.type === "text" ? (node.text ?? "") : `\u0000${node.type}\u0000`;
      footprints.set(own.id, footprint);
    }
    for (const child of node.content ?? []) visit(child);
  };
  visit(doc);
  return footprints;
}

/** Whether `part` can be read in `whole` in order, with other characters between. */
export function isSubsequence(part: string, whole: string): boolean {
  let at = 0;
  for (let i = 0; i < whole.length && at < part.length; i++) if (whole[i] === part[at]) at += 1;
  return at === part.length;
}

/**
 * ProseMirror writes every attribute, so every block made from JSON gains `suggestion: null`. Left
 * out again, a document without suggestions reads exactly as it did before blocks could carry one.
 */
export function withoutUnsetSuggestions(node: DocJSON): DocJSON {
  const { attrs, content, ...rest } = node;
  const { suggestion, ...others } = attrs ?? {};
  const kept = suggestion === null || suggestion === undefined ? others : { ...others, suggestion };
  return {
    ...rest,
    ...(attrs && Object.keys(kept).length > 0 ? { attrs: kept } : {}),
    ...(content ? { content: content.map(withoutUnsetSuggestions) } : {}),
  };
}
