import { z } from "zod";
import type { AgendaItem } from "../../db/schema";
import { readAgenda } from "./agenda";

export const BREAK_MAX_MINUTES = 60;

/** The agenda as typed, one item a line; parsed into its items, or refused with the first problem. */
export const startSessionSchema = z.object({
  agenda: z
    .string({ message: "Add at least one part to the agenda." })
    .max(5000, "The agenda is too long: keep it to a few lines.")
    .transform((text, ctx): AgendaItem[] => {
      const read = readAgenda(text);
      if (read.ok) return read.items;
      ctx.addIssue({ code: "custom", message: read.message });
      return z.NEVER;
    }),
});

export const breakSchema = z.object({
  minutes: z.coerce
    .number({ message: "Enter how many minutes the break lasts." })
    .int("Enter a whole number of minutes.")
    .min(1, "A break lasts at least 1 minute.")
    .max(
      BREAK_MAX_MINUTES,
      `A break can be at most ${BREAK_MAX_MINUTES} minutes; resume and take another if you need to.`,
    ),
});
