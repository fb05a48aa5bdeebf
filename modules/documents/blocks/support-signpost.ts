import { Node } from "@tiptap/core";

/**
 * Points to the organisation's support resources. The text is an optional lead-in; the resources
 * themselves are filled in when the page is shown, so they are always current.
 */
export const SupportSignpost = Node.create({
  name: "supportSignpost",
  group: "block",
  content: "inline*",
  defining: true,
  isolating: true,
  parseHTML() {
    return [{ tag: 'aside[data-type="supportSignpost"]', contentElement: "p" }];
  },
  renderHTML({ HTMLAttributes }) {
    return ["aside", { ...HTMLAttributes, "data-type": "supportSignpost", class: "block support-signpost" }, ["p", 0]];
  },
});
