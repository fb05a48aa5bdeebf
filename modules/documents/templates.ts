import type { DocJSON } from "./json";
import type { BlockType } from "./vocabulary";

const option = (correct: boolean): DocJSON => ({
  type: "checkOption",
  attrs: { correct },
  content: [{ type: "optionText" }, { type: "optionFeedback" }],
});

export const newCheckOption = () => option(false);

export const newScenarioResponse = (): DocJSON => ({
  type: "scenarioResponse",
  content: [{ type: "responseText" }, { type: "responseDiscussion" }],
});

/** What each training block looks like when first inserted: the smallest valid version of it. */
export function newBlock(type: BlockType): DocJSON {
  switch (type) {
    case "contentNote":
      return { type, attrs: { topics: [], customTopic: "" } };
    case "reflectionPrompt":
      return { type };
    case "knowledgeCheck":
      return { type, attrs: { multiple: false }, content: [{ type: "checkQuestion" }, option(true), option(false)] };
    case "scenario":
      return { type, content: [{ type: "scenarioSituation" }, newScenarioResponse(), newScenarioResponse()] };
    case "keyTakeaway":
      return { type, content: [{ type: "paragraph" }] };
    case "supportSignpost":
    case "selfCarePlan":
      return { type };
    case "story":
      return {
        type,
        attrs: { storyteller: "", credit: "named", scope: "", reviewOn: "" },
        content: [{ type: "paragraph" }],
      };
  }
}
