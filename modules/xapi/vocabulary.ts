import type { ChoiceCheck } from "./checks";
import type { Activity } from "./types";

/** Only the standard ADL verbs, so any LRS and its reports understand them without a profile. */
export const VERBS = {
  experienced: { id: "http://adlnet.gov/expapi/verbs/experienced", display: { "en-GB": "experienced" } },
  answered: { id: "http://adlnet.gov/expapi/verbs/answered", display: { "en-GB": "answered" } },
  completed: { id: "http://adlnet.gov/expapi/verbs/completed", display: { "en-GB": "completed" } },
  passed: { id: "http://adlnet.gov/expapi/verbs/passed", display: { "en-GB": "passed" } },
} as const;

export type VerbName = keyof typeof VERBS;

const TYPES = {
  course: "http://adlnet.gov/expapi/activities/course",
  module: "http://adlnet.gov/expapi/activities/module",
  interaction: "http://adlnet.gov/expapi/activities/cmi.interaction",
} as const;

/** Activity ids are IRIs under the app's origin; each path segment is encoded so any id stays a valid IRI. */
function activityIri(origin: string, ...segments: string[]) {
  return `${origin}/xapi/activities/${segments.map(encodeURIComponent).join("/")}`;
}

export function courseActivity(origin: string, courseId: string, title: string): Activity {
  return {
    objectType: "Activity",
    id: activityIri(origin, "course", courseId),
    definition: { name: { "en-GB": title }, type: TYPES.course },
  };
}

/** A module is one activity across its versions: a learner moved to a new version continues the same module. */
export function moduleActivity(origin: string, moduleId: string, title: string): Activity {
  return {
    objectType: "Activity",
    id: activityIri(origin, "module", moduleId),
    definition: { name: { "en-GB": title }, type: TYPES.module },
  };
}

/**
 * A knowledge check belongs to one immutable module version: its options may differ in the next one.
 * It is a choice interaction with the version's options; answering it is right when exactly the right
 * options are chosen, so its one correct pattern is all of them. A check with no right option has no
 * pattern, as no answer to it is right. Without the check (never expected), it is a bare choice.
 */
export function checkActivity(
  origin: string,
  moduleVersionId: string,
  checkId: string,
  moduleTitle: string,
  check: ChoiceCheck | undefined,
): Activity {
  const right = check?.options.filter((o) => o.correct).map((o) => o.id) ?? [];
  return {
    objectType: "Activity",
    id: activityIri(origin, "check", moduleVersionId, checkId),
    definition: {
      name: { "en-GB": `Knowledge check in ${moduleTitle}` },
      ...(check?.question ? { description: { "en-GB": check.question } } : {}),
      type: TYPES.interaction,
      interactionType: "choice",
      ...(check ? { choices: check.options.map((o) => ({ id: o.id, description: { "en-GB": o.text } })) } : {}),
      ...(right.length > 0 ? { correctResponsesPattern: [right.join(CHOICE_SEPARATOR)] } : {}),
    },
  };
}

/** What separates option ids in a choice response and its pattern (xAPI 1.0.3, interaction activities). */
export const CHOICE_SEPARATOR = "[,]";

/**
 * The choice response: the chosen ids joined, in the check's order, so a right answer reads exactly as
 * the pattern does. Ids the check does not have (never expected) keep their place after the rest.
 */
export function choiceResponse(chosen: string[], check: ChoiceCheck | undefined): string {
  const order = check?.options.map((o) => o.id) ?? [];
  const rank = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length);
  return chosen.toSorted((a, b) => rank(a) - rank(b)).join(CHOICE_SEPARATOR);
}
