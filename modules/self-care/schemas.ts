import { z } from "zod";
import { PLAN_PART_MAX, PLAN_PARTS } from "./parts";

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
