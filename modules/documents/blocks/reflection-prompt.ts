import { Node } from "@tiptap/core";

/** A question the learner answers privately, into their own journal. */
export const ReflectionPrompt = Node.create({
  name: "reflectionPrompt",
  group: "block",
  content: "inline*",
  defining: true,
  isolating: true,
  parseHTML() {
    return [{ tag: 'div[data-type="reflectionPrompt"]', contentElement: "p" }];
  },
  renderHTML({ HTMLAttributes }) {
    return ["div", { ...HTMLAttributes, "data-type": "reflectionPrompt", class: "block reflection-prompt" }, ["p", 0]];
  },
});
