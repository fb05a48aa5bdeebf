import { PLAIN_READING_AGE, readingAge } from "../content/readability";
import type { DocJSON } from "../documents/json";
import { findNodes } from "../documents/sections";
import { missingContentNotes } from "../documents/sensitivity";

/** The facilitator's safety checklist, asked before they sign off. */
export const SAFETY_CHECKS = [
  { id: "contentNotes", label: "There is a content note wherever the module touches a sensitive topic." },
  { id: "signpost", label: "There is a support signpost, so learners know where to turn." },
  { id: "plainLanguage", label: "The language is plain and calm, with no jargon a peer supporter would not use." },
] as const;

export type SafetyCheckId = (typeof SAFETY_CHECKS)[number]["id"];

/** What the document itself suggests for each check, to help the facilitator answer honestly. */
export function checklistHints(doc: DocJSON): Record<SafetyCheckId, { ok: boolean; hint: string }> {
  const missing = missingContentNotes(doc);
  const signposts = findNodes(doc, "supportSignpost").length;
  const age = readingAge(doc);
  return {
    contentNotes: {
      ok: missing.length === 0,
      hint:
        missing.length === 0
          ? "Every section that mentions a sensitive topic has a content note for it."
          : `Check: ${missing.map((m) => `“${m.section}” mentions ${m.topic.replace("_", " ")}`).join("; ")}.`,
    },
    signpost: {
      ok: signposts > 0,
      hint:
        signposts > 0
          ? `${signposts} support signpost${signposts === 1 ? "" : "s"} found.`
          : "No support signpost yet.",
    },
    plainLanguage: {
      ok: age <= PLAIN_READING_AGE,
      hint: `Reads at about a reading age of ${age} (aim for ${PLAIN_READING_AGE} or under).`,
    },
  };
}
