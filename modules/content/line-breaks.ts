import type { JSONContent } from "@tiptap/core";

const keyOf = (mark: NonNullable<JSONContent["marks"]>[number]) => JSON.stringify([mark.type, mark.attrs ?? {}]);
const isBreak = (node: JSONContent | undefined) => node?.type === "hardBreak";

/**
 * Line breaks in the one form a file can carry, so reading a file and writing it agree and a round
 * trip gives the same document. Markdown cannot end a paragraph with a line break (an editor's
 * trailing break shows nothing anyway). A break keeps only the marks of the text on both sides of
 * it: Markdown cannot always close emphasis or a link right after a break, and a break looks the
 * same with or without them.
 */
export function canonicalBreaks(nodes: JSONContent[]): JSONContent[] {
  let end = nodes.length;
  while (end > 0 && isBreak(nodes[end - 1])) end--;
  const inline = nodes.slice(0, end);
  return inline.map((node, i) => {
    if (!isBreak(node) || !node.marks?.length) return node;
    const around = [textBefore(inline, i), textAfter(inline, i)].filter((n) => n !== undefined);
    const marks = node.marks.filter((m) => around.every((n) => (n.marks ?? []).some((o) => keyOf(o) === keyOf(m))));
    const { marks: _, ...rest } = node;
    return marks.length > 0 ? { ...rest, marks } : rest;
  });
}

/** The nearest node before a run of breaks (a run of breaks all keep the same marks). */
function textBefore(nodes: JSONContent[], i: number) {
  let j = i - 1;
  while (j >= 0 && isBreak(nodes[j])) j--;
  return nodes[j];
}

function textAfter(nodes: JSONContent[], i: number) {
  let j = i + 1;
  while (j < nodes.length && isBreak(nodes[j])) j++;
  return nodes[j];
}
