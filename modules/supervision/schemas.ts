import { z } from "zod";
import { optionalText } from "../shared/fields";
import { isId } from "../shared/ids";

export const POINTS_MAX = 5000;
export const DEFAULT_TITLE = "For my supervision";

const chosenEntries = z.preprocess(
  (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
  z
    .array(z.string().refine(isId, "That journal entry could not be found."))
    .min(1, "Choose at least one journal entry to bring."),
);

/** What a learner writes for supervision: the points to raise and the journal entries they chose. */
export const supervisionPageSchema = z.object({
  title: optionalText(120).transform((v) => v || DEFAULT_TITLE),
  points: z
    .string({ message: "Write the points you want to raise." })
    .trim()
    .min(1, "Write the points you want to raise.")
    .max(POINTS_MAX, `Use at most ${POINTS_MAX} characters.`),
  entryIds: chosenEntries,
  /** A ticked box arrives as "on"; an unticked one not at all. */
  includeSelfCarePlan: z.preprocess((v) => v === "on" || v === true, z.boolean()),
});

/** Leaving the self-care plan out is the default: it is brought only when the learner says so. */
export type SupervisionPageInput = Omit<z.infer<typeof supervisionPageSchema>, "includeSelfCarePlan"> & {
  includeSelfCarePlan?: boolean;
};

export const shareSchema = z.object({
  supervisorId: z
    .string({ message: "Choose the supervisor to share with." })
    .min(1, "Choose the supervisor to share with.")
    .refine(isId, "Choose a supervisor from your organisation."),
});
