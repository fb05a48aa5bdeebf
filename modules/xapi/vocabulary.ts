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

/** A knowledge check belongs to one immutable module version: its options may differ in the next one. */
export function checkActivity(origin: string, moduleVersionId: string, checkId: string, moduleTitle: string): Activity {
  return {
    objectType: "Activity",
    id: activityIri(origin, "check", moduleVersionId, checkId),
    definition: {
      name: { "en-GB": `Knowledge check in ${moduleTitle}` },
      type: TYPES.interaction,
      interactionType: "choice",
    },
  };
}
