import { z } from "zod";
import { isCalendarDate, todayInLondon } from "../shared/dates";
import { isId } from "../shared/ids";

export const NOTE_MAX = 500;

const note = z
  .string()
  .trim()
  .max(NOTE_MAX, `Keep the note to ${NOTE_MAX} characters.`)
  .optional()
  .transform((v) => v ?? "");

/** Whether a calendar date is today or later in London: a review cannot be asked for by a day gone by. */
export const notInThePast = (day: string, now: Date) => day >= todayInLondon(now);

export const PAST_DATE = "Choose today or a later date: the review cannot be due on a day that has passed.";

export const reviewRequestSchema = z.object({
  people: z
    .union([z.string(), z.array(z.string())], { message: "Choose at least one person to ask." })
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .refine((v) => v.length > 0 && v.every(isId), "Choose at least one person to ask."),
  dueOn: z
    .string({ message: "Give the date to review by, like 2027-03-01." })
    .trim()
    .refine((v) => v !== "", "Give the date to review by, like 2027-03-01.")
    .refine((v) => v === "" || isCalendarDate(v), "Enter a real date, like 2027-03-01.")
    .refine((v) => !isCalendarDate(v) || notInThePast(v, new Date()), PAST_DATE),
  note,
});

export const answerSchema = z.object({
  requestId: z.string().refine(isId, "That review request could not be found."),
  note,
});
