import { readability } from "../content/readability";
import type { DocJSON } from "../documents/json";
import { findNodes, textOf } from "../documents/sections";
import { missingContentNotes } from "../documents/sensitivity";

/** The facilitator's safety checklist, asked before they sign off. */
export const SAFETY_CHECKS = [
  { id: "contentNotes", label: "There is a content note wherever the module touches a sensitive topic." },
  { id: "signpost", label: "There is a support signpost, so learners know where to turn." },
  { id: "plainLanguage", label: "The language is plain and calm, with no jargon a peer supporter would not use." },
] as const;

export type SafetyCheckId = (typeof SAFETY_CHECKS)[number]["id"];

/** Reading age is grade + 5 in the UK; the aim is about 12, so grade 7. */
const PLAIN_LANGUAGE_GRADE = 7;

/** What the document itself suggests for each check, to help the facilitator answer honestly. */
export function checklistHints(doc: DocJSON): Record<SafetyCheckId, { ok: boolean; hint: string }> {
  const missing = missingContentNotes(doc);
  const signposts = findNodes(doc, "supportSignpost").length;
  const texts: string[] = [];
  const walk = (node: DocJSON) => {
    const children = node.content ?? [];
    if (children.some((c) => c.type === "text")) texts.push(textOf(node));
    else children.forEach(walk);
  };
  walk(doc);
  const grade = readability(texts).grade;
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
      ok: grade <= PLAIN_LANGUAGE_GRADE,
      hint: `Reads at about a reading age of ${Math.max(5, Math.round(grade + 5))} (aim for 12 or under).`,
    },
  };
}
