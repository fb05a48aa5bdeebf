/**
 * The words of the document model, shared by the editor, the server renderer, the content files and
 * the learner player. Browser-safe: no Node imports.
 */
export const CONTENT_NOTE_TOPICS = [
  "suicide",
  "self_harm",
  "sexual_violence",
  "abuse",
  "substance_use",
  "bereavement",
  "custom",
] as const;
export type ContentNoteTopic = (typeof CONTENT_NOTE_TOPICS)[number];

export const CONTENT_NOTE_LABELS: Record<ContentNoteTopic, string> = {
  suicide: "Suicide",
  self_harm: "Self-harm",
  sexual_violence: "Sexual violence",
  abuse: "Abuse",
  substance_use: "Substance use",
  bereavement: "Bereavement",
  custom: "Other",
};

/** The training blocks, by their Tiptap node names. */
export const BLOCK_TYPES = [
  "contentNote",
  "reflectionPrompt",
  "knowledgeCheck",
  "scenario",
  "keyTakeaway",
  "supportSignpost",
  "selfCarePlan",
  "story",
] as const;
export type BlockType = (typeof BLOCK_TYPES)[number];

export const BLOCK_LABELS: Record<BlockType, string> = {
  contentNote: "Content note",
  reflectionPrompt: "Reflection prompt",
  knowledgeCheck: "Knowledge check",
  scenario: "Scenario",
  keyTakeaway: "Key takeaway",
  supportSignpost: "Support signpost",
  selfCarePlan: "Self-care plan",
  story: "Story",
};

/** Knowledge checks have 2 to 6 options; scenarios 2 to 4 responses (enforced by the schema). */
export const CHECK_OPTIONS = { min: 2, max: 6 } as const;
export const SCENARIO_RESPONSES = { min: 2, max: 4 } as const;

/** Nodes that carry a stable id, used by the player for answers and progress. */
export const ID_NODE_TYPES = [
  "reflectionPrompt",
  "knowledgeCheck",
  "checkOption",
  "scenario",
  "scenarioResponse",
  "heading",
  "contentNote",
  "keyTakeaway",
  "supportSignpost",
  "selfCarePlan",
  "story",
];

/**
 * How far a story may travel, as its storyteller agreed: only in this module, in any of the
 * organisation's courses, or beyond the organisation (packages for other learning systems, files).
 */
export const STORY_SCOPES = ["module", "organisation", "beyond"] as const;
export type StoryScope = (typeof STORY_SCOPES)[number];

export const STORY_SCOPE_LABELS: Record<StoryScope, string> = {
  module: "This module only",
  organisation: "This organisation's courses",
  beyond: "May be shared beyond the organisation",
};

/** A storyteller is credited by name or not at all: their choice. */
export const STORY_CREDITS = ["named", "anonymous"] as const;
export type StoryCredit = (typeof STORY_CREDITS)[number];

/** What learners read where a story was withdrawn, in every version that held it. */
export const WITHDRAWN_STORY = "This story was withdrawn by the person who shared it.";

/** Headings of this level start a section: the step a learner walks through. */
export const SECTION_HEADING_LEVEL = 2;

export function topicLabel(topic: string, customTopic?: string | null): string {
  if (topic === "custom") return customTopic?.trim() || CONTENT_NOTE_LABELS.custom;
  return CONTENT_NOTE_LABELS[topic as ContentNoteTopic] ?? topic;
}
