import { Mark } from "@tiptap/core";

/** A thread id is short and plain (the app's are 22 characters); anything else is not an anchor. */
const THREAD_ID = /^[A-Za-z0-9_-]{1,64}$/;

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
        validate: (value: unknown) => {
          if (typeof value !== "string" || !THREAD_ID.test(value)) {
            throw new RangeError("A comment anchor needs the id of its thread.");
          }
        },
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
