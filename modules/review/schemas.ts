import { z } from "zod";

const revision = z.coerce.number({ message: "Reload the page and try again." }).int().min(1);

export const signOffSchema = z.object({
  revision,
  contentNotes: z.literal("yes").optional(),
  signpost: z.literal("yes").optional(),
  plainLanguage: z.literal("yes").optional(),
});

export const requestChangesSchema = z.object({
  revision,
  note: z
    .string({ message: "Say what you would like changed." })
    .trim()
    .min(1, "Say what you would like changed.")
    .max(2000, "Keep the note to 2,000 characters."),
});
