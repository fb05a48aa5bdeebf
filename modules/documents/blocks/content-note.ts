import { Node } from "@tiptap/core";
import { CONTENT_NOTE_TOPICS } from "../vocabulary";

/**
 * Names what a section touches. The learner sees it before the section and may skip for now.
 * The optional note is the node's text; topics are attributes.
 */
export const ContentNote = Node.create({
  name: "contentNote",
  group: "block",
  content: "inline*",
  defining: true,
  isolating: true,
  addAttributes() {
    return {
      topics: {
        default: [],
        parseHTML: (el) =>
          (el.getAttribute("data-topics") ?? "")
            .split(",")
            .filter((t) => (CONTENT_NOTE_TOPICS as readonly string[]).includes(t)),
        renderHTML: (attrs) => ({ "data-topics": (attrs.topics as string[]).join(",") }),
      },
      customTopic: {
        default: "",
        parseHTML: (el) => el.getAttribute("data-custom-topic") ?? "",
        renderHTML: (attrs) => (attrs.customTopic ? { "data-custom-topic": attrs.customTopic } : {}),
      },
    };
  },
  parseHTML() {
    return [{ tag: 'aside[data-type="contentNote"]', contentElement: "p" }];
  },
  renderHTML({ HTMLAttributes }) {
    return ["aside", { ...HTMLAttributes, "data-type": "contentNote", class: "block content-note" }, ["p", 0]];
  },
});
