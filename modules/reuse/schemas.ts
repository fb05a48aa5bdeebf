import { z } from "zod";

const moduleId = z.string({ message: "Choose a module." }).regex(/^[A-Za-z0-9_-]{22}$/, "Choose a module.");

/** Which template a new module starts from. */
export const templateChoiceSchema = z.object({ templateId: moduleId });

/** Whether to offer the module as a template ("yes") or stop ("no"). */
export const templateSchema = z.object({
  template: z.enum(["yes", "no"], { message: "Choose whether to offer it." }).transform((v) => v === "yes"),
});
