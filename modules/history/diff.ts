import { diffArrays, diffWords } from "diff";
import type { DocJSON } from "../documents/json";
import { textOf } from "../documents/sections";
import { BLOCK_LABELS, type BlockType } from "../documents/vocabulary";

type Block = { type: string; label: string; text: string };

export type DiffPart = { text: string; change: "added" | "removed" | null };
export type DiffRow = { label: string; change: "added" | "removed" | "changed" | null; parts: DiffPart[] };

const RICH_LABELS: Record<string, string> = {
  paragraph: "Paragraph",
  heading: "Heading",
  bulletList: "List",
  orderedList: "Numbered list",
  blockquote: "Quote",
};

function blocksOf(doc: DocJSON): Block[] {
  return (doc.content ?? [])
    .map((node) => ({
      type: String(node.type),
      label: BLOCK_LABELS[node.type as BlockType] ?? RICH_LABELS[String(node.type)] ?? String(node.type),
      text: textOf(node).trim(),
    }))
    .filter((b) => b.text !== "" || b.type in BLOCK_LABELS);
}

/**
 * Compares two versions block by block (text and training blocks added or removed), and word by
 * word inside a block that changed in place.
 */
export function compareDocs(from: DocJSON, to: DocJSON): DiffRow[] {
  const rows: DiffRow[] = [];
  const changes = diffArrays(blocksOf(from), blocksOf(to), {
    comparator: (a, b) => a.type === b.type && a.text === b.text,
  });
  for (let i = 0; i < changes.length; i++) {
    const change = changes[i];
    if (!change) continue;
    const next = changes[i + 1];
    // A removal followed by an addition of the same kind of block is an edit in place.
    if (change.removed && next?.added && change.value.length === next.value.length) {
      change.value.forEach((old, k) => {
        const updated = next.value[k];
        if (!updated) return;
        if (old.type !== updated.type) {
          rows.push({ label: old.label, change: "removed", parts: [{ text: old.text, change: "removed" }] });
          rows.push({ label: updated.label, change: "added", parts: [{ text: updated.text, change: "added" }] });
          return;
        }
        rows.push({
          label: updated.label,
          change: "changed",
          parts: diffWords(old.text, updated.text).map((p) => ({
            text: p.value,
            change: p.added ? "added" : p.removed ? "removed" : null,
          })),
        });
      });
      i += 1;
      continue;
    }
    for (const block of change.value) {
      const kind = change.added ? "added" : change.removed ? "removed" : null;
      rows.push({ label: block.label, change: kind, parts: [{ text: block.text, change: kind }] });
    }
  }
  return rows;
}
