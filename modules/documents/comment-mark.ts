import { Mark } from "@tiptap/core";

/**
 * Anchors a comment thread to a stretch of text. As a mark it lives in the Yjs text itself, so it
 * moves with the words through everyone's concurrent edits (see docs/decisions).
 */
export const CommentMark = Mark.create({
  name: "comment",
  inclusive: false,
  excludes: "",
  spanning: true,
  addAttributes() {
    return {
      threadId: {
        default: null,
        parseHTML: (el) => el.getAttribute("data-thread"),
        renderHTML: (attrs) => ({ "data-thread": attrs.threadId }),
      },
    };
  },
  parseHTML() {
    return [{ tag: "span[data-thread]" }];
  },
  renderHTML({ HTMLAttributes }) {
    return ["span", { ...HTMLAttributes, class: "comment-anchor" }, 0];
  },
});
