/**
 * What routes may ask of a learner's self-care plan: the one plan they keep in their journal, the
 * same from every course whose training invites it.
 */

export { PLAN_PART_MAX, PLAN_PARTS, type PlanPart } from "./parts";
export { mySelfCarePlan, type SelfCarePlan, saveSelfCarePlan } from "./plan";
export { type SelfCarePlanInput, selfCarePlanSchema } from "./schemas";
