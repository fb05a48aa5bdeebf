import type { DocJSON } from "./json";
import { splitSections, textOf } from "./sections";
import type { ContentNoteTopic } from "./vocabulary";

/**
 * Words that mean a section touches a sensitive topic, so it needs a content note naming it.
 * Deliberately narrow ("drinking", not "drink"): a cup of tea in a grounding exercise is not
 * substance use.
 */
export const SENSITIVE_TOPIC_PATTERNS: Record<Exclude<ContentNoteTopic, "custom">, RegExp> = {
  suicide: /\b(suicid\w*|end(ing)? (their|your|my|his|her) life|kill(ing)? (themselves|himself|herself))\b/i,
  self_harm: /\b(self-harm\w*|harm(ing)? (themselves|yourself|himself|herself))\b/i,
  sexual_violence: /\b(sexual(ly)? (violence|assault\w*|abuse)|rape\w*)\b/i,
  abuse: /\babus\w*/i,
  substance_use: /\b(drunk|alcohol|drugs?|drinking|relaps\w*|using again|overdos\w*)\b/i,
  bereavement: /\b(bereave\w*|grief|grieving|funeral|died|death)\b/i,
};

/** Sections whose words touch a sensitive topic that none of their content notes names. */
export function missingContentNotes(doc: DocJSON): { section: string; topic: string }[] {
  const missing: { section: string; topic: string }[] = [];
  for (const section of splitSections(doc)) {
    const text = `${section.title} ${section.nodes.map(textOf).join(" ")}`;
    for (const [topic, words] of Object.entries(SENSITIVE_TOPIC_PATTERNS)) {
      if (words.test(text) && !section.contentNoteTopics.includes(topic))
        missing.push({ section: section.title, topic });
    }
  }
  return missing;
}
