import { z } from "zod";

const ticked = z
  .union([z.literal("on"), z.literal("true"), z.literal("")])
  .optional()
  .transform((v) => v === "on" || v === "true");

export const deleteAccountSchema = z.object({
  password: z.string().min(1, "Type your password to confirm."),
  removeComments: ticked,
});

const reason = z
  .string()
  .trim()
  .min(3, "Say why, for the record: for example, “asked by email on 3 March”.")
  .max(300, "Keep the reason under 300 characters.");

export const memberRequestSchema = z.object({ reason });

export const memberErasureSchema = z.object({
  reason,
  confirm: z
    .string()
    .trim()
    .refine((v) => v.toLowerCase() === "delete", "Type delete to confirm."),
  removeComments: ticked,
});

export const RETENTION_MONTHS = { min: 6, max: 60 } as const;

export const retentionSchema = z.object({
  months: z
    .string()
    .trim()
    .refine((v) => v === "" || /^\d+$/.test(v), "Give a whole number of months, or leave it empty to keep everything.")
    .transform((v) => (v === "" ? null : Number(v)))
    .refine(
      (v) => v === null || (v >= RETENTION_MONTHS.min && v <= RETENTION_MONTHS.max),
      `Choose between ${RETENTION_MONTHS.min} and ${RETENTION_MONTHS.max} months, or leave it empty to keep everything.`,
    ),
});
