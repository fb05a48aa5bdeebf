import { z } from "zod";
import { NATIONS, POPULATIONS } from "../organisations/index";

/** Both questions may be left unanswered: the choice is there to help, never required. */
export const supportChoiceSchema = z.object({
  nation: z
    .preprocess(
      (v) => (v === "" || v === undefined ? null : v),
      z.enum(NATIONS, { message: "Choose one of the places listed, or rather not say." }).nullable(),
    )
    .refine((v) => v !== "uk", "Choose one of the places listed, or rather not say."),
  populations: z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z.array(
      z
        .enum(POPULATIONS, { message: "Choose from the groups listed." })
        .refine((v) => v !== "everyone", "Choose from the groups listed."),
    ),
  ),
});

export type SupportChoiceInput = z.infer<typeof supportChoiceSchema>;
