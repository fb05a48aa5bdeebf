import { z } from "zod";

export const PLAN_PART_MAX = 2000;

/** The four parts of a plan, in the order a learner meets them, with the words each is asked by. */
export const PLAN_PARTS = [
  { name: "signs", label: "The signs that I am struggling" },
  { name: "helps", label: "What helps me" },
  { name: "contacts", label: "Who I can contact" },
  { name: "boundaries", label: "The boundaries I keep" },
] as const;

export type PlanPart = (typeof PLAN_PARTS)[number]["name"];

const part = (label: string) =>
  z
    .string()
    .trim()
    .max(PLAN_PART_MAX, {
      error: (issue) =>
        `Keep "${label}" to ${PLAN_PART_MAX.toLocaleString("en-GB")} characters. It has ${String(issue.input).trim().length.toLocaleString("en-GB")}.`,
    })
    .optional()
    .transform((v) => v ?? "");

/** Every part may be left blank: a plan grows as the learner finds the words, and none is required. */
export const selfCarePlanSchema = z.object({
  signs: part(PLAN_PARTS[0].label),
  helps: part(PLAN_PARTS[1].label),
  contacts: part(PLAN_PARTS[2].label),
  boundaries: part(PLAN_PARTS[3].label),
});

export type SelfCarePlanInput = z.infer<typeof selfCarePlanSchema>;
