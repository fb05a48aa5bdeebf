import { Node } from "@tiptap/core";

/**
 * Invites the learner to write their own self-care plan, kept in their journal. The text is an
 * optional intro; the plan's parts and the learner's words are filled in when the page is shown, so
 * one plan is the same from every course that has the block.
 */
export const SelfCarePlan = Node.create({
  name: "selfCarePlan",
  group: "block",
  content: "inline*",
  defining: true,
  isolating: true,
  parseHTML() {
    return [{ tag: 'aside[data-type="selfCarePlan"]', contentElement: "p" }];
  },
  renderHTML({ HTMLAttributes }) {
    return ["aside", { ...HTMLAttributes, "data-type": "selfCarePlan", class: "block self-care-plan" }, ["p", 0]];
  },
});
