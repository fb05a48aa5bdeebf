import { Node } from "@tiptap/core";

/** The few things to remember from a section: paragraphs or lists. */
export const KeyTakeaway = Node.create({
  name: "keyTakeaway",
  group: "block",
  content: "(paragraph | bulletList | orderedList)+",
  defining: true,
  isolating: true,
  parseHTML() {
    return [{ tag: 'aside[data-type="keyTakeaway"]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ["aside", { ...HTMLAttributes, "data-type": "keyTakeaway", class: "block key-takeaway" }, 0];
  },
});
