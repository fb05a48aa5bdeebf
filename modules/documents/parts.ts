import type { DocJSON } from "./json";
import { textOf } from "./sections";
import { BLOCK_LABELS, BLOCK_TYPES, type BlockType, SECTION_HEADING_LEVEL } from "./vocabulary";

/**
 * The parts of a module a facilitator can lock once they are agreed: a section (found by its
 * heading's id, and reaching to the next section heading) or a training block (by its own id).
 * Browser-safe: the editor finds the same parts as the server.
 */
export type PartKind = "section" | "block";
export type Part = { nodeId: string; kind: PartKind; label: string };

const isSectionHeading = (node: DocJSON) => node.type === "heading" && node.attrs?.level === SECTION_HEADING_LEVEL;
const isBlock = (node: DocJSON) => (BLOCK_TYPES as readonly string[]).includes(String(node.type));
const idOf = (node: DocJSON) => (typeof node.attrs?.id === "string" && node.attrs.id ? node.attrs.id : null);

const FIRST_WORDS = 8;

function blockLabel(node: DocJSON): string {
  const kind = BLOCK_LABELS[node.type as BlockType] ?? "Block";
  const words = textOf(node).trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return kind;
  const start = words.slice(0, FIRST_WORDS).join(" ");
  return `${kind}: “${start}${words.length > FIRST_WORDS ? "…" : ""}”`;
}

/** Every lockable part of the document that has an id, in document order. */
export function lockableParts(doc: DocJSON): Part[] {
  const parts: Part[] = [];
  for (const node of doc.content ?? []) {
    const nodeId = idOf(node);
    if (!nodeId) continue;
    if (isSectionHeading(node)) {
      parts.push({ nodeId, kind: "section", label: `Section: “${textOf(node).trim() || "Untitled section"}”` });
    } else if (isBlock(node)) parts.push({ nodeId, kind: "block", label: blockLabel(node) });
  }
  return parts;
}

/**
 * The nodes a part is made of: a section's heading and everything up to the next section heading,
 * or a block alone. Null when the document has no such part. Two documents agree on a part exactly
 * when these are equal.
 */
export function partNodes(doc: DocJSON, nodeId: string): DocJSON[] | null {
  const nodes = doc.content ?? [];
  const at = nodes.findIndex((node) => idOf(node) === nodeId);
  const first = nodes[at];
  if (!first) return null;
  if (!isSectionHeading(first)) return isBlock(first) ? [first] : null;
  let end = at + 1;
  while (end < nodes.length && !isSectionHeading(nodes[end] as DocJSON)) end += 1;
  return nodes.slice(at, end);
}
