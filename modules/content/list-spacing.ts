import type { List, ListItem, Nodes } from "mdast";
import type { Options as StringifyOptions } from "remark-stringify";

type Join = NonNullable<StringifyOptions["join"]>[number];

/** The last block a container ends with: the text that a following line could run on from. */
function lastBlock(node: Nodes): Nodes {
  let tail = node;
  while ((tail.type === "blockquote" || tail.type === "list" || tail.type === "listItem") && tail.children.length > 0) {
    tail = tail.children[tail.children.length - 1] as Nodes;
  }
  return tail;
}

/**
 * Whether a block starts with a list that cannot interrupt a paragraph (one numbered from other
 * than 1, or with an empty first item), also when that list is the first thing in a quote or item.
 */
function startsWithListThatCannotInterrupt(node: Nodes): boolean {
  let head: Nodes | undefined = node;
  while (head) {
    if (head.type === "list") {
      const first: ListItem | undefined = head.children[0];
      if ((head.ordered && (head.start ?? 1) !== 1) || !first || first.children.length === 0) return true;
      head = first;
    } else if (head.type === "blockquote" || head.type === "listItem") {
      head = head.children[0];
    } else {
      return false;
    }
  }
  return false;
}

/**
 * Whether Markdown needs a blank line between two blocks of a list item to read them back as two.
 * Without one, a paragraph runs on into the text after it, two quotes become one, and a list that
 * cannot interrupt a paragraph is read as more of its text.
 */
export function needsBlankLine(left: Nodes, right: Nodes): boolean {
  if (left.type === "blockquote" && right.type === "blockquote") return true;
  if (lastBlock(left).type !== "paragraph") return false;
  return right.type === "paragraph" || startsWithListThatCannotInterrupt(right);
}

/**
 * Whether a list read from a file is loose: blank lines between its items, or between blocks of an
 * item where Markdown needs none. A blank line Markdown needs says nothing, as a tight list has it too.
 */
export function isLoose(list: List): boolean {
  // From the lines themselves: the parser also calls a list spread for a blank line after an empty item.
  const items = list.children;
  if (items.some((item, i) => i > 0 && blankLineBetween(items[i - 1] as ListItem, item))) return true;
  return items.some((item) =>
    item.children.some((block, i) => {
      const next = item.children[i + 1];
      return next !== undefined && blankLineBetween(block, next) && !needsBlankLine(block, next);
    }),
  );
}

function blankLineBetween(left: Nodes, right: Nodes): boolean {
  const end = left.position?.end.line;
  const start = right.position?.start.line;
  return end !== undefined && start !== undefined && start > end + 1;
}

/** Tight list items put blank lines between their blocks only where Markdown needs them. */
export const tightListItems: Join = (left, right, parent) => {
  if (parent.type !== "listItem" || parent.spread) return undefined;
  return needsBlankLine(left as Nodes, right as Nodes) ? 1 : 0;
};
