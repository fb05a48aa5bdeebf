import { z } from "zod";
import { MAX_DAYS_BEFORE } from "./policy";

export const reminderDaysSchema = z.object({
  days: z
    .string()
    .trim()
    .refine((v) => v !== "", "Give a number of days, such as 3, or 0 for no reminders.")
    .refine((v) => v === "" || /^\d+$/.test(v), "Give a whole number of days, such as 3, or 0 for no reminders.")
    .transform((v) => Number(v))
    .refine((v) => v <= MAX_DAYS_BEFORE, `Choose between 0 and ${MAX_DAYS_BEFORE} days.`),
});
