import { z } from "zod";
import { optionalText, requiredText } from "../shared/fields";

export const courseDetailsSchema = z.object({
  title: requiredText("a title", 120),
  description: optionalText(1000),
  openToAll: z
    .string()
    .optional()
    .transform((v) => v === "yes"),
});

export type CourseDetails = z.infer<typeof courseDetailsSchema>;

export const courseModuleSchema = z.object({
  moduleId: z.string({ message: "Choose a module." }).regex(/^[A-Za-z0-9_-]{22}$/, "Choose a module."),
});
