import { CONTENT_NOTE_TOPICS, type ContentNoteTopic } from "../documents/vocabulary";

/**
 * The words of the content file format: directive names for the training blocks, the attributes
 * each accepts, and the front matter fields. docs/content-format.md explains them to authors.
 */
export const DIRECTIVE_FOR_BLOCK = {
  contentNote: "content-note",
  reflectionPrompt: "reflection",
  knowledgeCheck: "knowledge-check",
  scenario: "scenario",
  keyTakeaway: "takeaways",
  supportSignpost: "support",
  selfCarePlan: "self-care-plan",
  story: "story",
} as const;

export type DirectiveName = (typeof DIRECTIVE_FOR_BLOCK)[keyof typeof DIRECTIVE_FOR_BLOCK];

export const DIRECTIVE_NAMES = Object.values(DIRECTIVE_FOR_BLOCK);

export const DIRECTIVE_ATTRIBUTES: Record<DirectiveName, readonly string[]> = {
  "content-note": ["topics", "custom"],
  reflection: ["id"],
  "knowledge-check": ["id", "multiple", "options"],
  scenario: ["id", "responses"],
  takeaways: [],
  support: [],
  "self-care-plan": [],
  story: ["id", "storyteller", "credit", "scope", "review", "withdrawn"],
};

export function isDirectiveName(name: string): name is DirectiveName {
  return (DIRECTIVE_NAMES as readonly string[]).includes(name);
}

export const FRONT_MATTER_FIELDS = ["title", "topic", "customTopic", "summary", "estimatedMinutes"] as const;

/** Ids travel in attribute values and space-separated lists, so they keep to URL-safe characters. */
export const ID_PATTERN = /^[A-Za-z0-9_-]+$/;

/** Authors may write topics as they read them ("self-harm"); the document stores "self_harm". */
export function contentNoteTopic(written: string): ContentNoteTopic | null {
  const topic = written
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
  return (CONTENT_NOTE_TOPICS as readonly string[]).includes(topic) ? (topic as ContentNoteTopic) : null;
}
