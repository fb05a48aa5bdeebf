import { Node } from "@tiptap/core";
import { SCENARIO_RESPONSES } from "../vocabulary";
import { textPart } from "./parts";

export const ScenarioSituation = textPart("scenarioSituation", "p", { placeholder: "Describe the situation" });
export const ResponseText = textPart("responseText", "p", { placeholder: "A way someone might respond" });
export const ResponseDiscussion = textPart("responseDiscussion", "p", {
  placeholder: "What might happen, and why",
});

/** One possible way to respond, with its discussion. */
export const ScenarioResponse = Node.create({
  name: "scenarioResponse",
  content: "responseText responseDiscussion",
  defining: true,
  isolating: true,
  parseHTML() {
    return [{ tag: 'div[data-type="scenarioResponse"]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ["div", { ...HTMLAttributes, "data-type": "scenarioResponse", class: "scenario-response" }, 0];
  },
});

/** A situation from the role, and a few ways to respond, to rehearse before it happens for real. */
export const Scenario = Node.create({
  name: "scenario",
  group: "block",
  content: `scenarioSituation scenarioResponse{${SCENARIO_RESPONSES.min},${SCENARIO_RESPONSES.max}}`,
  defining: true,
  isolating: true,
  parseHTML() {
    return [{ tag: 'section[data-type="scenario"]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ["section", { ...HTMLAttributes, "data-type": "scenario", class: "block scenario" }, 0];
  },
});
