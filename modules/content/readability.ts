import { fleschKincaid } from "flesch-kincaid";
import { syllable } from "syllable";
import type { DocJSON } from "../documents/json";
import { textOf } from "../documents/sections";
import type { ModuleFile } from "./parse";

export type Readability = { grade: number; sentences: number; words: number; syllables: number };

const sentences = new Intl.Segmenter("en-GB", { granularity: "sentence" });
const words = new Intl.Segmenter("en-GB", { granularity: "word" });

/**
 * The pieces of text a learner reads, one per paragraph, heading, question, option, feedback and
 * so on. Ids, topics and other attributes are not text a learner reads.
 */
export function learnerTexts(module: ModuleFile): string[] {
  const texts = [module.details.title, module.details.summary];
  const walk = (node: DocJSON) => {
    const children = node.content ?? [];
    if (children.some((c) => c.type === "text" || c.type === "hardBreak")) texts.push(textOf(node));
    else children.forEach(walk);
  };
  walk(module.doc);
  return texts.map((t) => t.trim()).filter(Boolean);
}

/**
 * Flesch-Kincaid grade of some texts. Each text is measured as its own run of sentences, so a
 * heading or an option without a full stop is not glued onto the sentence after it.
 */
export function readability(texts: string[]): Readability {
  let sentenceCount = 0;
  let wordCount = 0;
  let syllableCount = 0;
  for (const text of texts) {
    for (const { segment } of sentences.segment(text)) {
      const found = [...words.segment(segment)].filter((w) => w.isWordLike).map((w) => w.segment);
      if (found.length === 0) continue;
      sentenceCount += 1;
      wordCount += found.length;
      syllableCount += found.reduce((sum, word) => sum + syllable(word), 0);
    }
  }
  const grade =
    wordCount === 0 ? 0 : fleschKincaid({ sentence: sentenceCount, word: wordCount, syllable: syllableCount });
  return { grade, sentences: sentenceCount, words: wordCount, syllables: syllableCount };
}

/** Every text block of a document, each measured on its own. */
function docTexts(doc: DocJSON): string[] {
  const texts: string[] = [];
  const walk = (node: DocJSON) => {
    const children = node.content ?? [];
    if (children.some((c) => c.type === "text")) texts.push(textOf(node));
    else children.forEach(walk);
  };
  walk(doc);
  return texts;
}

/** The UK reading age a document reads at: the Flesch-Kincaid grade plus 5, never under 5. */
export function readingAge(doc: DocJSON): number {
  return Math.max(5, Math.round(readability(docTexts(doc)).grade + 5));
}

/** The reading age plain training aims for, or under. */
export const PLAIN_READING_AGE = 12;
