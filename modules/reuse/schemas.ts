import { z } from "zod";

const moduleId = z.string({ message: "Choose a module." }).regex(/^[A-Za-z0-9_-]{22}$/, "Choose a module.");

/** Which template a new module starts from. */
export const templateChoiceSchema = z.object({ templateId: moduleId });
