import { z } from "zod";
import file from "../../content/review-rubric.json";
import type { RubricItem } from "../../db/schema";

/** The shape of content/review-rubric.json (docs/decisions/0039): each question tied to the principle it asks about. */
const rubricFileSchema = z
  .object({
    about: z.string().optional(),
    items: z
      .array(
        z.object({
          id: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/, "Each id is one word of letters and digits."),
          principle: z.string().trim().min(1, "Name the principle the question asks about."),
          question: z.string().trim().min(1, "Write the question.").max(300, "Keep each question to 300 characters."),
        }),
      )
      .min(1, "The rubric needs at least one question."),
  })
  .superRefine((value, ctx) => {
    const seen = new Set<string>();
    for (const item of value.items) {
      if (seen.has(item.id)) ctx.addIssue({ code: "custom", message: `The id ${item.id} is used twice.` });
      seen.add(item.id);
    }
  });

/** Reads the file's contents, or says plainly which question is wrong and how. */
export function parseRubricFile(json: unknown): RubricItem[] {
  const parsed = rubricFileSchema.safeParse(json);
  if (!parsed.success) throw new Error(`content/review-rubric.json: ${z.prettifyError(parsed.error)}`);
  return parsed.data.items.map(({ id, question }) => ({ id, question }));
}

/** The rubric every organisation starts with; a malformed file stops the server at start. */
export const DEFAULT_RUBRIC: readonly RubricItem[] = parseRubricFile(file);
