import type { DocJSON } from "./json";
import { SECTION_HEADING_LEVEL } from "./vocabulary";

export type Section = {
  /** 1-based position in the module: the step number a learner sees. */
  index: number;
  title: string;
  /** The section's nodes, its heading excluded. */
  nodes: DocJSON[];
  /** Topics of the content notes in this section (deduplicated, in order). */
  contentNoteTopics: string[];
  customTopics: string[];
};

/** Plain text of a node: inline text runs join directly, blocks are separated by a space. */
export function textOf(node: DocJSON): string {
  if (node.type === "text") return node.text ?? "";
  const children = node.content ?? [];
  const inline = children.some((c) => c.type === "text" || c.type === "hardBreak");
  return children.map((c) => (c.type === "hardBreak" ? " " : textOf(c))).join(inline ? "" : " ");
}

function isSectionHeading(node: DocJSON) {
  return node.type === "heading" && node.attrs?.level === SECTION_HEADING_LEVEL;
}

function isBlank(node: DocJSON) {
  return node.type === "paragraph" && textOf(node).trim() === "";
}

/**
 * Splits a module into its sections: each level-2 heading starts one. Anything before the first
 * heading becomes an untitled introduction (left out when it is empty).
 */
export function splitSections(doc: DocJSON): Section[] {
  const sections: Section[] = [];
  let current: Omit<Section, "index"> | null = null;
  const push = () => {
    if (current && (current.title || current.nodes.some((n) => !isBlank(n)))) {
      sections.push({ ...current, index: sections.length + 1 });
    }
  };
  for (const node of doc.content ?? []) {
    if (isSectionHeading(node)) {
      push();
      current = {
        title: textOf(node).trim() || "Untitled section",
        nodes: [],
        contentNoteTopics: [],
        customTopics: [],
      };
      continue;
    }
    current ??= { title: "", nodes: [], contentNoteTopics: [], customTopics: [] };
    current.nodes.push(node);
    if (node.type === "contentNote") {
      for (const topic of (node.attrs?.topics as string[] | undefined) ?? []) {
        if (!current.contentNoteTopics.includes(topic)) current.contentNoteTopics.push(topic);
      }
      const custom = String(node.attrs?.customTopic ?? "").trim();
      if (custom && !current.customTopics.includes(custom)) current.customTopics.push(custom);
    }
  }
  push();
  return sections.map((s) => (s.title ? s : { ...s, title: "Introduction" }));
}

/** Every node of a type, anywhere in the document. */
export function findNodes(doc: DocJSON, type: string): DocJSON[] {
  const found: DocJSON[] = [];
  const walk = (node: DocJSON) => {
    if (node.type === type) found.push(node);
    for (const child of node.content ?? []) walk(child);
  };
  walk(doc);
  return found;
}

/** The first child of a given type (e.g. a knowledge check's question). */
export function childOf(node: DocJSON, type: string): DocJSON | undefined {
  return (node.content ?? []).find((c) => c.type === type);
}

export function childrenOf(node: DocJSON, type: string): DocJSON[] {
  return (node.content ?? []).filter((c) => c.type === type);
}
