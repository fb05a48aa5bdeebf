import type { DocJSON } from "./json";
import { splitSections, textOf } from "./sections";
import { SENSITIVE_TOPIC_PATTERNS } from "./sensitivity";
import { CONTENT_NOTE_LABELS, type ContentNoteTopic } from "./vocabulary";

/**
 * Gentle writing checks: things a trauma-informed reviewer would point out. They are hints only:
 * nothing here ever blocks saving, signing off or publishing. Browser-safe, so the editor shows
 * them as people type and the Review page lists the same ones.
 */
export type WritingHint = {
  kind: "sensitiveTopic" | "longSentence" | "graphicWord" | "noSignpostAfterNote";
  /** The section's title as the learner sees it. */
  section: string;
  /**
   * Which level-2 heading starts the section, counting from 0 (null for the untitled introduction):
   * where the editor puts a content note it is asked to add.
   */
  heading: number | null;
  /** The topic a content note would name (sensitiveTopic only). */
  topic?: ContentNoteTopic;
  message: string;
};

/**
 * A sentence longer than this is hard to follow, all the more so when someone is tired or upset.
 * Plain-language guidance aims for 15 to 20 words; 30 points out only the very long ones.
 */
export const LONG_SENTENCE_WORDS = 30;

const words = (text: string) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));

function sentences(text: string): string[] {
  const segmenter = new Intl.Segmenter("en-GB", { granularity: "sentence" });
  return [...segmenter.segment(text)].map((s) => s.segment.trim()).filter(Boolean);
}

function opening(sentence: string, count = 8) {
  const start = words(sentence).slice(0, count).join(" ");
  return `${start}…`;
}

function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Whole-word, case-insensitive matching of each listed word or phrase. */
function graphicMatcher(list: readonly string[]): RegExp | null {
  const entries = list.map((w) => w.trim()).filter(Boolean);
  if (entries.length === 0) return null;
  return new RegExp(`(?<![\\p{L}\\p{N}])(${entries.map(escapeRegExp).join("|")})(?![\\p{L}\\p{N}])`, "giu");
}

/** Text blocks of a node, each read on its own so sentences never run across blocks. */
function textBlocks(node: DocJSON): string[] {
  const children = node.content ?? [];
  if (children.some((c) => c.type === "text" || c.type === "hardBreak")) return [textOf(node)];
  return children.flatMap(textBlocks);
}

export function writingHints(doc: DocJSON, options: { graphicWords: readonly string[] }): WritingHint[] {
  const hints: WritingHint[] = [];
  const graphic = graphicMatcher(options.graphicWords);
  const headings = (doc.content ?? []).filter((n) => n.type === "heading" && n.attrs?.level === 2).length;
  const sections = splitSections(doc);
  // splitSections leaves out an empty introduction: when every section has a heading, they line up.
  const offset = sections.length > headings ? 1 : 0;

  sections.forEach((section, i) => {
    const heading = i - offset >= 0 ? i - offset : null;
    const at = { section: section.title, heading };
    const blocks = section.nodes.filter((n) => n.type !== "contentNote");
    const text = `${section.title} ${blocks.map(textOf).join(" ")}`;

    for (const [topic, pattern] of Object.entries(SENSITIVE_TOPIC_PATTERNS) as [ContentNoteTopic, RegExp][]) {
      if (pattern.test(text) && !section.contentNoteTopics.includes(topic)) {
        const label = CONTENT_NOTE_LABELS[topic].toLowerCase();
        hints.push({
          ...at,
          kind: "sensitiveTopic",
          topic,
          message: `This section mentions ${label} and has no content note for it. A note lets learners prepare, or skip for now.`,
        });
      }
    }

    for (const sentence of blocks.flatMap(textBlocks).flatMap(sentences)) {
      const count = words(sentence).length;
      if (count > LONG_SENTENCE_WORDS) {
        hints.push({
          ...at,
          kind: "longSentence",
          message: `A sentence of ${count} words (“${opening(sentence)}”) may be hard to follow. Could it be two?`,
        });
      }
    }

    if (graphic) {
      const found = new Set([...text.matchAll(graphic)].map((m) => (m[1] ?? "").toLowerCase()));
      for (const word of found) {
        hints.push({
          ...at,
          kind: "graphicWord",
          message: `“${word}” can bring up graphic detail. Is it needed here, or would a gentler word do?`,
        });
      }
    }

    const noteAt = section.nodes.findIndex((n) => n.type === "contentNote");
    if (noteAt >= 0 && !section.nodes.slice(noteAt + 1).some((n) => n.type === "supportSignpost")) {
      hints.push({
        ...at,
        kind: "noSignpostAfterNote",
        message:
          "This section has a content note but no support signpost after it, so learners may not know where to turn.",
      });
    }
  });
  return hints;
}
