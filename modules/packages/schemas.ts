import { z } from "zod";

/** The export form: whether the LMS is sent a score from the knowledge checks (a checkbox). */
export const scormOptionsSchema = z.object({
  score: z
    .literal("on", { message: "Choose whether to report a score." })
    .optional()
    .transform((v) => v === "on"),
});
