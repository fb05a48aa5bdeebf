import { InvalidError } from "../shared/errors";
import type { Part } from "./player";

type Check = Extract<Part, { kind: "check" }>;

/**
 * Marks a chosen answer against a knowledge check, the same way for a learner and for a preview:
 * option ids that are not the check's, or several for a one-answer check, are refused.
 */
export function gradeAnswer(check: Check, chosenIn: string[]) {
  const valid = new Set(check.options.map((o) => o.id));
  const chosen = [...new Set(chosenIn)];
  if (chosen.some((c) => !valid.has(c)) || (!check.multiple && chosen.length > 1)) {
    throw new InvalidError("That answer did not match this question. Choose from the answers shown.", "option");
  }
  const correctIds = check.options.filter((o) => o.correct).map((o) => o.id);
  const correct = correctIds.length === chosen.length && correctIds.every((id) => chosen.includes(id));
  return { chosen, correct };
}
