import { createHash } from "node:crypto";
import { documentSchema } from "./extensions";
import type { DocJSON } from "./json";
import { findNodes, splitSections, textOf } from "./sections";
import { BLOCK_TYPES } from "./vocabulary";

export type DocumentFacts = {
  wordCount: number;
  blockCounts: Record<string, number>;
  sectionCount: number;
  /** A hash of the content without comment anchors: adding a comment is not an edit to sign off. */
  contentHash: string;
};

const markKey = (mark: NonNullable<DocJSON["marks"]>[number]) => `${mark.type}:${JSON.stringify(mark.attrs ?? {})}`;
const sameMarks = (a: DocJSON["marks"], b: DocJSON["marks"]) =>
  JSON.stringify((a ?? []).map(markKey)) === JSON.stringify((b ?? []).map(markKey));

/**
 * The content without comment anchors. A comment on part of a sentence splits its text into several
 * text nodes; once the anchor is gone, neighbours with the same marks are joined again, so the
 * result is what the text was before anyone commented. Marks are put in one order, so two documents
 * that differ only by their comments give the same result.
 */
export function withoutCommentAnchors(node: DocJSON): DocJSON {
  const { marks, content, ...rest } = node;
  const kept = marks?.filter((m) => m.type !== "comment").sort((a, b) => markKey(a).localeCompare(markKey(b)));
  const children: DocJSON[] = [];
  for (const child of (content ?? []).map(withoutCommentAnchors)) {
    const previous = children.at(-1);
    if (previous?.type === "text" && child.type === "text" && sameMarks(previous.marks, child.marks)) {
      children[children.length - 1] = { ...previous, text: `${previous.text ?? ""}${child.text ?? ""}` };
    } else children.push(child);
  }
  return {
    ...rest,
    ...(kept && kept.length > 0 ? { marks: kept } : {}),
    ...(content ? { content: children } : {}),
  };
}

/**
 * Attributes the schema gained after documents were first hashed. Left at their default they are
 * not part of the hash, so adding one to the schema does not give every stored module a new
 * revision (and make every sign-off stale); set, they are.
 */
const LATER_ATTRIBUTES: Record<string, readonly string[]> = { bulletList: ["loose"], orderedList: ["loose"] };
/** Gained by every block with suggestion mode (ADR 31). */
const LATER_EVERYWHERE: readonly string[] = ["suggestion"];

/**
 * Ids that only name a part so that it can be locked (sections by their heading, and the blocks
 * learners never answer): giving a part one is no change to sign off, so they are never hashed.
 */
const NAMING_ATTRIBUTES: Record<string, readonly string[]> = {
  heading: ["id"],
  contentNote: ["id"],
  keyTakeaway: ["id"],
  supportSignpost: ["id"],
  selfCarePlan: ["id"],
};

/** The document without the ids that only name parts to lock: what a compare of two versions reads. */
export function withoutNamingIds(node: DocJSON): DocJSON {
  const naming = NAMING_ATTRIBUTES[String(node.type)] ?? [];
  const { attrs, content, ...rest } = node;
  const kept =
    attrs && naming.length > 0
      ? Object.fromEntries(Object.entries(attrs).filter(([name]) => !naming.includes(name)))
      : attrs;
  return {
    ...rest,
    ...(kept ? { attrs: kept } : {}),
    ...(content ? { content: content.map(withoutNamingIds) } : {}),
  };
}

function withoutLaterDefaults(node: DocJSON): DocJSON {
  const later = [...(LATER_ATTRIBUTES[String(node.type)] ?? []), ...LATER_EVERYWHERE];
  const naming = NAMING_ATTRIBUTES[String(node.type)] ?? [];
  const { attrs, content, ...rest } = node;
  let kept = attrs;
  if (attrs) {
    const defaults = documentSchema.nodes[String(node.type)]?.spec.attrs ?? {};
    kept = Object.fromEntries(
      Object.entries(attrs).filter(
        ([name, value]) => !naming.includes(name) && (!later?.includes(name) || value !== defaults[name]?.default),
      ),
    );
  }
  return {
    ...rest,
    ...(kept && Object.keys(kept).length > 0 ? { attrs: kept } : {}),
    ...(content ? { content: content.map(withoutLaterDefaults) } : {}),
  };
}

/**
 * The same content always hashes the same, however it was produced (the editor, a file import or
 * the Yjs transformer differ in details such as empty mark attributes).
 */
function canonical(doc: DocJSON): DocJSON {
  try {
    return withoutLaterDefaults(documentSchema.nodeFromJSON(doc).toJSON() as DocJSON);
  } catch {
    return doc;
  }
}

/**
 * What a sign-off is about: the document without comment anchors, in canonical form. Adding,
 * moving or removing a comment leaves it unchanged; any other change does not.
 */
export function contentOf(doc: DocJSON): DocJSON {
  return canonical(withoutCommentAnchors(doc));
}

export function countWords(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

export function documentFacts(doc: DocJSON): DocumentFacts {
  const blockCounts: Record<string, number> = {};
  for (const type of BLOCK_TYPES) {
    const n = findNodes(doc, type).length;
    if (n > 0) blockCounts[type] = n;
  }
  const plainText = (doc.content ?? []).map(textOf).join(" ");
  return {
    wordCount: countWords(plainText),
    blockCounts,
    sectionCount: splitSections(doc).length,
    contentHash: createHash("sha256")
      .update(JSON.stringify(contentOf(doc)))
      .digest("hex"),
  };
}
