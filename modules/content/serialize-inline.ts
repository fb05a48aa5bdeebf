import type { JSONContent } from "@tiptap/core";
import type { Emphasis, Link, PhrasingContent, Strong } from "mdast";
import { documentSchema } from "../documents/extensions";
import { canonicalBreaks } from "./line-breaks";
import { parseMarkdown, stringifyMarkdown } from "./markdown";
import { inlineContent } from "./parse-inline";
import { Problems } from "./problems";

type Mark = NonNullable<JSONContent["marks"]>[number];
type MarkNode = Strong | Emphasis | Link;

/** Comments are conversations about the text, not part of it: files never carry them. */
const DROPPED_MARKS = new Set(["comment"]);
/** Outermost first when two marks start and end together, so links wrap their emphasis. */
const MARK_ORDER = ["link", "bold", "italic"];

const keyOf = (mark: Mark) => JSON.stringify([mark.type, mark.attrs ?? {}]);

/**
 * ProseMirror's flat marks become Markdown's nested emphasis and links, written with stars. Where
 * stars alone would not read back as the same text (CommonMark cannot open `**` between a letter and
 * a comma, say), the emphasis of that run of text may use underscores instead.
 */
export function phrasing(nodes: JSONContent[] = []): PhrasingContent[] {
  const children = nested(nodes);
  if (!readsBack(children)) allowUnderscores(children);
  return children;
}

/**
 * Marks that run on longest are opened first (outermost), so a bold phrase with an italic word
 * inside stays one bold span instead of being closed and reopened around it.
 */
function nested(nodes: JSONContent[]): PhrasingContent[] {
  const inline = canonicalBreaks(nodes.map(withoutDroppedMarks));
  const marks = inline.map((node) => node.marks ?? []);
  const root: PhrasingContent[] = [];
  const stack: { key: string; node: MarkNode }[] = [];
  const runLength = (from: number, key: string) => {
    let end = from;
    while (end < inline.length && marks[end]?.some((m) => keyOf(m) === key)) end++;
    return end - from;
  };

  inline.forEach((node, i) => {
    const own = marks[i] ?? [];
    const keys = own.map(keyOf);
    let keep = 0;
    while (keep < stack.length && keys.includes(stack[keep]?.key ?? "")) keep++;
    stack.length = keep;
    const toOpen = own
      .filter((m) => !stack.some((s) => s.key === keyOf(m)))
      .sort(
        (a, b) =>
          runLength(i, keyOf(b)) - runLength(i, keyOf(a)) || MARK_ORDER.indexOf(a.type) - MARK_ORDER.indexOf(b.type),
      );
    for (const mark of toOpen) {
      const element = markNode(mark);
      (stack.at(-1)?.node.children ?? root).push(element);
      stack.push({ key: keyOf(mark), node: element });
    }
    const leaf: PhrasingContent =
      node.type === "hardBreak" ? { type: "break" } : { type: "text", value: node.text ?? "" };
    (stack.at(-1)?.node.children ?? root).push(leaf);
  });
  return root;
}

function withoutDroppedMarks(node: JSONContent): JSONContent {
  const { marks, ...rest } = node;
  const kept = (marks ?? []).filter((m) => !DROPPED_MARKS.has(m.type));
  return kept.length > 0 ? { ...rest, marks: kept } : rest;
}

/** Whether the phrasing, written with stars only, is read back as the same text with the same marks. */
function readsBack(children: PhrasingContent[]): boolean {
  if (!children.some(hasEmphasis)) return true;
  const written = stringifyMarkdown({ type: "root", children: [{ type: "paragraph", children }] });
  const [read] = parseMarkdown(written).children;
  if (read?.type !== "paragraph") return false;
  const asDocument = (content: PhrasingContent[]) =>
    documentSchema.nodeFromJSON({ type: "paragraph", content: inlineContent(content, new Problems("")) });
  return asDocument(read.children).eq(asDocument(children));
}

function hasEmphasis(node: PhrasingContent): boolean {
  if (node.type === "emphasis" || node.type === "strong") return true;
  return "children" in node && node.children.some(hasEmphasis);
}

function allowUnderscores(nodes: PhrasingContent[]) {
  for (const node of nodes) {
    if (node.type === "emphasis" || node.type === "strong") node.data = { ...node.data, underscores: true };
    if ("children" in node) allowUnderscores(node.children);
  }
}

function markNode(mark: Mark): MarkNode {
  if (mark.type === "bold") return { type: "strong", children: [] };
  if (mark.type === "italic") return { type: "emphasis", children: [] };
  if (mark.type === "link") {
    return {
      type: "link",
      url: String(mark.attrs?.href ?? ""),
      title: (mark.attrs?.title as string | null | undefined) ?? null,
      children: [],
    };
  }
  throw new Error(`No Markdown for the mark "${mark.type}"`);
}
