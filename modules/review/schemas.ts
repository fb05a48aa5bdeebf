import { z } from "zod";
import { SAFETY_CHECKS, type SafetyCheckId } from "./checklist";

const revision = z.coerce.number({ message: "Reload the page and try again." }).int().min(1);

/** A sign-off form: the revision the person saw, and each point of the safety checklist they confirmed. */
export const signOffSchema = z
  .object({
    revision,
    contentNotes: z.literal("yes").optional(),
    signpost: z.literal("yes").optional(),
    plainLanguage: z.literal("yes").optional(),
  })
  .transform(({ revision, ...answers }) => ({
    revision,
    checks: Object.fromEntries(SAFETY_CHECKS.map((c) => [c.id, answers[c.id] === "yes"])) as Record<
      SafetyCheckId,
      boolean
    >,
  }));

export const requestChangesSchema = z.object({
  revision,
  note: z
    .string({ message: "Say what you would like changed." })
    .trim()
    .min(1, "Say what you would like changed.")
    .max(2000, "Keep the note to 2,000 characters."),
});
