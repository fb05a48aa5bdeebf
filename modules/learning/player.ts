import type { DocJSON } from "../documents/json";
import { renderDocumentHTML } from "../documents/render";
import { childOf, childrenOf, type Section, splitSections, textOf } from "../documents/sections";
import { storyFacts } from "../documents/stories";
import { type StoryCredit, topicLabel } from "../documents/vocabulary";

export type CheckOption = { id: string; html: string; feedbackHtml: string; correct: boolean };
export type Part =
  | { kind: "html"; html: string }
  | { kind: "reflection"; id: string; prompt: string; html: string }
  | { kind: "check"; id: string; questionHtml: string; multiple: boolean; options: CheckOption[] }
  | {
      kind: "scenario";
      id: string;
      situationHtml: string;
      responses: { id: string; html: string; discussionHtml: string }[];
    }
  | { kind: "takeaway"; html: string }
  | { kind: "signpost"; leadInHtml: string }
  /** An invitation to the learner's own self-care plan: the plan itself is theirs, read when shown. */
  | { kind: "selfCarePlan"; introHtml: string }
  | { kind: "note"; topics: string[]; html: string }
  /** A story: who told it is resolved to a name (or none) when shown, and a withdrawn one has no words. */
  | { kind: "story"; id: string; storytellerId: string; credit: StoryCredit; html: string; withdrawn: boolean };

/** Inline content (a question, an answer) as HTML, without the paragraph around it. */
function inlineHtml(node: DocJSON | undefined): string {
  if (!node?.content?.length) return "";
  const html = renderDocumentHTML({ type: "doc", content: [{ type: "paragraph", content: node.content }] });
  return html.replace(/^<p>/, "").replace(/<\/p>$/, "");
}

function richHtml(nodes: DocJSON[]): string {
  return renderDocumentHTML({ type: "doc", content: nodes });
}

const RICH = new Set(["paragraph", "heading", "bulletList", "orderedList", "blockquote", "image"]);
/** A run of rich content worth showing: words, or a picture (which has none). */
const shows = (node: DocJSON) => node.type === "image" || textOf(node).trim() !== "";

function noteTopics(node: DocJSON): string[] {
  const topics = (node.attrs?.topics as string[] | undefined) ?? [];
  return topics.map((t) => topicLabel(t, String(node.attrs?.customTopic ?? "")));
}

/**
 * Turns a section's nodes into the parts the player shows: runs of rich text as HTML (rendered
 * with the editor's own extensions), and each training block as data for its form.
 */
export function sectionParts(section: Section): Part[] {
  const parts: Part[] = [];
  let run: DocJSON[] = [];
  const flush = () => {
    if (run.some(shows)) parts.push({ kind: "html", html: richHtml(run) });
    run = [];
  };
  for (const node of section.nodes) {
    if (RICH.has(String(node.type))) {
      run.push(node);
      continue;
    }
    flush();
    const id = String(node.attrs?.id ?? "");
    switch (node.type) {
      case "contentNote":
        parts.push({ kind: "note", topics: noteTopics(node), html: inlineHtml(node) });
        break;
      case "reflectionPrompt":
        parts.push({ kind: "reflection", id, prompt: textOf(node).trim(), html: inlineHtml(node) });
        break;
      case "knowledgeCheck":
        parts.push({
          kind: "check",
          id,
          multiple: Boolean(node.attrs?.multiple),
          questionHtml: inlineHtml(childOf(node, "checkQuestion")),
          options: childrenOf(node, "checkOption").map((o) => ({
            id: String(o.attrs?.id ?? ""),
            correct: Boolean(o.attrs?.correct),
            html: inlineHtml(childOf(o, "optionText")),
            feedbackHtml: inlineHtml(childOf(o, "optionFeedback")),
          })),
        });
        break;
      case "scenario":
        parts.push({
          kind: "scenario",
          id,
          situationHtml: inlineHtml(childOf(node, "scenarioSituation")),
          responses: childrenOf(node, "scenarioResponse").map((r) => ({
            id: String(r.attrs?.id ?? ""),
            html: inlineHtml(childOf(r, "responseText")),
            discussionHtml: inlineHtml(childOf(r, "responseDiscussion")),
          })),
        });
        break;
      case "keyTakeaway":
        parts.push({ kind: "takeaway", html: richHtml(node.content ?? []) });
        break;
      case "supportSignpost":
        parts.push({ kind: "signpost", leadInHtml: inlineHtml(node) });
        break;
      case "selfCarePlan":
        parts.push({ kind: "selfCarePlan", introHtml: inlineHtml(node) });
        break;
      case "story": {
        const story = storyFacts(node);
        parts.push(
          story.withdrawn
            ? { kind: "story", id: story.id, storytellerId: "", credit: "anonymous", html: "", withdrawn: true }
            : {
                kind: "story",
                id: story.id,
                storytellerId: story.storytellerId,
                credit: story.credit,
                html: richHtml(node.content ?? []),
                withdrawn: false,
              },
        );
        break;
      }
    }
  }
  flush();
  return parts;
}

export function versionSections(doc: DocJSON): Section[] {
  return splitSections(doc);
}

/** The knowledge checks of a section, for checking an answer against the version the learner takes. */
export function checksOf(section: Section) {
  return sectionParts(section).filter((p): p is Extract<Part, { kind: "check" }> => p.kind === "check");
}
