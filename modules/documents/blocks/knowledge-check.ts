import { Node } from "@tiptap/core";
import { CHECK_OPTIONS } from "../vocabulary";
import { booleanAttribute, textPart } from "./parts";

export const CheckQuestion = textPart("checkQuestion", "p", { placeholder: "Write the question" });
export const OptionText = textPart("optionText", "p", { placeholder: "Write an answer" });
export const OptionFeedback = textPart("optionFeedback", "p", {
  placeholder: "Feedback when someone picks this answer",
});

/** One answer with the feedback a learner sees when they choose it. */
export const CheckOption = Node.create({
  name: "checkOption",
  content: "optionText optionFeedback",
  defining: true,
  isolating: true,
  addAttributes() {
    return { correct: booleanAttribute("correct", "data-correct") };
  },
  parseHTML() {
    return [{ tag: 'div[data-type="checkOption"]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ["div", { ...HTMLAttributes, "data-type": "checkOption", class: "check-option" }, 0];
  },
});

/** A single- or multiple-answer question with feedback on every option. */
export const KnowledgeCheck = Node.create({
  name: "knowledgeCheck",
  group: "block",
  content: `checkQuestion checkOption{${CHECK_OPTIONS.min},${CHECK_OPTIONS.max}}`,
  defining: true,
  isolating: true,
  addAttributes() {
    return { multiple: booleanAttribute("multiple", "data-multiple") };
  },
  parseHTML() {
    return [{ tag: 'section[data-type="knowledgeCheck"]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ["section", { ...HTMLAttributes, "data-type": "knowledgeCheck", class: "block knowledge-check" }, 0];
  },
});
