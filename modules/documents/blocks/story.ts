import { Node } from "@tiptap/core";
import { STORY_CREDITS, STORY_SCOPES, WITHDRAWN_STORY } from "../vocabulary";

const oneOf = (allowed: readonly string[], value: string | null, fallback: string) =>
  value !== null && allowed.includes(value) ? value : fallback;

/**
 * A lived-experience story, told by a member of the organisation and shared by their consent. Who
 * told it, how they are credited, how far it may travel and when to ask again are attributes; the
 * story's words are its paragraphs. A withdrawn story keeps only its id and the fact it was withdrawn.
 */
export const Story = Node.create({
  name: "story",
  group: "block",
  content: "paragraph*",
  defining: true,
  isolating: true,
  addAttributes() {
    return {
      storyteller: {
        default: "",
        parseHTML: (el) => el.getAttribute("data-storyteller") ?? "",
        renderHTML: (attrs) => (attrs.storyteller ? { "data-storyteller": attrs.storyteller } : {}),
      },
      credit: {
        default: "named",
        parseHTML: (el) => oneOf(STORY_CREDITS, el.getAttribute("data-credit"), "named"),
        renderHTML: (attrs) => ({ "data-credit": attrs.credit }),
      },
      scope: {
        default: "",
        parseHTML: (el) => oneOf(STORY_SCOPES, el.getAttribute("data-scope"), ""),
        renderHTML: (attrs) => (attrs.scope ? { "data-scope": attrs.scope } : {}),
      },
      reviewOn: {
        default: "",
        parseHTML: (el) => el.getAttribute("data-review-on") ?? "",
        renderHTML: (attrs) => (attrs.reviewOn ? { "data-review-on": attrs.reviewOn } : {}),
      },
      withdrawn: {
        default: false,
        parseHTML: (el) => el.getAttribute("data-withdrawn") === "true",
        renderHTML: (attrs) => (attrs.withdrawn ? { "data-withdrawn": "true" } : {}),
      },
    };
  },
  parseHTML() {
    return [{ tag: 'figure[data-type="story"]' }];
  },
  renderHTML({ node, HTMLAttributes }) {
    const attributes = { ...HTMLAttributes, "data-type": "story", class: "block story" };
    // A withdrawn story has no words left to hold: its place says what happened.
    if (node.attrs.withdrawn) return ["figure", attributes, ["p", { class: "withdrawn" }, WITHDRAWN_STORY]];
    return ["figure", attributes, 0];
  },
});
