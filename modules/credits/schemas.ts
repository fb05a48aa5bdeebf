import { z } from "zod";

export const creditChoiceSchema = z
  .object({
    creditMode: z.enum(["real", "chosen", "anonymous"], { message: "Choose how you want to be credited." }),
    creditName: z
      .string()
      .trim()
      .max(60, "Keep the name to 60 characters.")
      .optional()
      .transform((v) => v ?? ""),
  })
  .refine((v) => v.creditMode !== "chosen" || v.creditName.length > 0, {
    path: ["creditName"],
    message: "Write the name you would like to be credited as.",
  });
