import { diffArrays, diffWords } from "diff";
import type { DocJSON } from "../documents/json";
import { type BlockView, blockView, canonicalBlocks, type FieldView } from "./block-view";

export type Change = "added" | "removed" | "changed" | null;
export type DiffPart = { text: string; change: "added" | "removed" | null };

/** One part of a block in a comparison: its words, word by word, or a setting, as before → after. */
export type DiffField =
  | { kind: "words"; label: string | null; change: Change; parts: DiffPart[] }
  | { kind: "setting"; label: string; change: Change; from: string | null; to: string | null }
  | { kind: "note"; label: null; change: "changed"; text: string };

export type DiffRow = { label: string; change: Change; fields: DiffField[] };

function wordsField(label: string | null, change: Change, text: string): DiffField {
  return { kind: "words", label, change, parts: [{ text, change: change === "changed" ? null : change }] };
}

/** A whole block, added or removed (or unchanged), part by part. */
function wholeBlock(view: BlockView, change: "added" | "removed" | null): DiffRow {
  const fields: DiffField[] = [];
  for (const field of view.fields) {
    if (field.kind === "words") {
      // Empty parts of an unchanged block say nothing; added or removed ones show they were empty.
      if (field.value === "" && change === null && field.label !== null) continue;
      fields.push(wordsField(field.label, change, field.value));
    } else if (field.kind === "setting") {
      if (change === null && !field.showUnchanged) continue;
      fields.push({
        kind: "setting",
        label: field.label,
        change,
        from: change === "added" ? null : field.value,
        to: change === "removed" ? null : field.value,
      });
    } else if (change !== null) {
      fields.push(wordsField(field.label, change, field.items.join("; ")));
    }
  }
  return { label: view.label, change, fields };
}

function compareField(before: FieldView | undefined, after: FieldView | undefined): DiffField | null {
  const field = after ?? before;
  if (!field) return null;
  if (!before || !after) {
    const change = after ? "added" : "removed";
    if (field.kind === "setting") {
      return {
        kind: "setting",
        label: field.label,
        change,
        from: before ? field.value : null,
        to: after ? field.value : null,
      };
    }
    return wordsField(field.label, change, field.kind === "list" ? field.items.join("; ") : field.value);
  }
  if (before.kind === "words" && after.kind === "words") {
    if (before.value === after.value) return after.value === "" ? null : wordsField(after.label, null, after.value);
    return {
      kind: "words",
      label: after.label,
      change: "changed",
      parts: diffWords(before.value, after.value).map((p) => ({
        text: p.value,
        change: p.added ? "added" : p.removed ? "removed" : null,
      })),
    };
  }
  if (before.kind === "setting" && after.kind === "setting") {
    if (before.value === after.value && !after.showUnchanged) return null;
    return {
      kind: "setting",
      label: after.label,
      change: before.value === after.value ? null : "changed",
      from: before.value,
      to: after.value,
    };
  }
  if (before.kind === "list" && after.kind === "list") {
    // Formatting is a set of marked runs: show the ones that appeared and the ones that went.
    const remaining = [...after.items];
    const parts: DiffPart[] = [];
    for (const item of before.items) {
      const k = remaining.indexOf(item);
      if (k >= 0) remaining.splice(k, 1);
      else parts.push({ text: item, change: "removed" });
    }
    for (const item of remaining) parts.push({ text: item, change: "added" });
    if (parts.length === 0) return null;
    const separated = parts.flatMap((p, i) => (i === 0 ? [p] : [{ text: "; ", change: null }, p]));
    return { kind: "words", label: after.label, change: "changed", parts: separated };
  }
  return null;
}

/** Two versions of the same kind of block, part by part; anything the parts do not show is still said. */
function changedBlock(before: BlockView, after: BlockView): DiffRow {
  const keys = [...new Set([...before.fields.map((f) => f.key), ...after.fields.map((f) => f.key)])];
  const fields = keys
    .map((key) =>
      compareField(
        before.fields.find((f) => f.key === key),
        after.fields.find((f) => f.key === key),
      ),
    )
    .filter((f): f is DiffField => f !== null);
  if (!fields.some((f) => f.change !== null)) {
    fields.push({
      kind: "note",
      label: null,
      change: "changed",
      text:
        before.jsonWithoutIds === after.jsonWithoutIds
          ? "Replaced by a copy with the same content: learners' earlier answers to it do not carry over."
          : "The words are the same; a line break, the spacing, a list's indentation or a link's details changed.",
    });
  }
  return { label: after.label, change: "changed", fields };
}

/**
 * Compares two versions block by block: blocks added or removed, and, for a block changed in place,
 * each of its parts (the words word by word, and settings such as the correct answer). Every change
 * that makes a new revision shows here; comment anchors, which do not, never do.
 */
export function compareDocs(from: DocJSON, to: DocJSON): DiffRow[] {
  const rows: DiffRow[] = [];
  const before = canonicalBlocks(from).map(blockView);
  const after = canonicalBlocks(to).map(blockView);
  const changes = diffArrays(before, after, { comparator: (a, b) => a.json === b.json });
  let removed: BlockView[] = [];
  let added: BlockView[] = [];
  const flush = () => {
    // Within a stretch of changes, blocks of the same kind in the same order are edits in place.
    let r = 0;
    let a = 0;
    for (const chunk of diffArrays(removed, added, { comparator: (x, y) => x.type === y.type })) {
      const n = chunk.value.length;
      if (chunk.removed) {
        rows.push(...removed.slice(r, r + n).map((v) => wholeBlock(v, "removed")));
        r += n;
      } else if (chunk.added) {
        rows.push(...added.slice(a, a + n).map((v) => wholeBlock(v, "added")));
        a += n;
      } else {
        for (let k = 0; k < n; k++) {
          const old = removed[r + k];
          const updated = added[a + k];
          if (old && updated) rows.push(changedBlock(old, updated));
        }
        r += n;
        a += n;
      }
    }
    removed = [];
    added = [];
  };
  for (const change of changes) {
    if (change.removed) removed.push(...change.value);
    else if (change.added) added.push(...change.value);
    else {
      flush();
      for (const view of change.value) {
        // An unchanged blank line is not worth a row.
        if (view.label === "Blank line") continue;
        rows.push(wholeBlock(view, null));
      }
    }
  }
  flush();
  return rows;
}

/** Whether two versions hold the same content, as Compare judges it (comment anchors aside). */
export function sameContent(a: DocJSON, b: DocJSON): boolean {
  const before = canonicalBlocks(a);
  const after = canonicalBlocks(b);
  return (
    before.length === after.length && before.every((block, i) => JSON.stringify(block) === JSON.stringify(after[i]))
  );
}
