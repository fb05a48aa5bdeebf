import { z } from "zod";

export const publishSchema = z.object({
  changelog: z
    .string({ message: "Say what this version is or what changed." })
    .trim()
    .min(1, "Say what this version is or what changed.")
    .max(1000, "Keep the note to 1,000 characters."),
});
