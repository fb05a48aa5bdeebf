import { z } from "zod";
import { COLLABORATOR_ROLES, CREDIT_MODES, MODULE_STATUSES, MODULE_TOPICS } from "../../db/schema";
import { optionalText, requiredText } from "../shared/fields";

export { COLLABORATOR_ROLES, CREDIT_MODES, MODULE_STATUSES, MODULE_TOPICS };
export type ModuleTopic = (typeof MODULE_TOPICS)[number];
export type ModuleStatus = (typeof MODULE_STATUSES)[number];
export type CollaboratorRole = (typeof COLLABORATOR_ROLES)[number];
export type CreditMode = (typeof CREDIT_MODES)[number];

export const TOPIC_LABELS: Record<ModuleTopic, string> = {
  boundaries: "Boundaries",
  conflict: "Conflict and abuse",
  self_care: "Self-care",
  trauma_triggers: "Trauma triggers",
  supervision: "Supervision",
  other: "Other",
};

export const STATUS_LABELS: Record<ModuleStatus, string> = {
  draft: "Draft",
  in_review: "In review",
  published: "Published",
  archived: "Archived",
};

export const moduleDetailsSchema = z
  .object({
    title: requiredText("a title", 120),
    topic: z.enum(MODULE_TOPICS, { message: "Choose a topic." }),
    customTopic: optionalText(60),
    summary: optionalText(600),
    estimatedMinutes: z.coerce
      .number({ message: "Enter a number of minutes." })
      .int("Enter a whole number of minutes.")
      .min(1, "A module takes at least 1 minute.")
      .max(600, "Keep a module under 600 minutes; split longer ones."),
  })
  .refine((v) => v.topic !== "other" || v.customTopic.length > 0, {
    path: ["customTopic"],
    message: "Name the topic.",
  });

export type ModuleDetails = z.infer<typeof moduleDetailsSchema>;

export const collaboratorSchema = z.object({
  userId: z.string({ message: "Choose a person." }).regex(/^[A-Za-z0-9_-]{22}$/, "Choose a person."),
  role: z.enum(COLLABORATOR_ROLES, { message: "Choose a role." }),
});

/** The Workshop list's filters, from its address: a value that is not one of the choices is no filter. */
export const moduleFiltersSchema = z.object({
  topic: z.enum(MODULE_TOPICS).optional().catch(undefined),
  status: z.enum(MODULE_STATUSES).optional().catch(undefined),
  mine: z
    .string()
    .optional()
    .transform((v) => v === "1"),
});

/** How co-designers change the module's text: directly, or only as suggestions a facilitator accepts. */
export const suggestionsOnlySchema = z.object({
  changes: z.enum(["direct", "suggestions"], { message: "Choose how co-designers change the text." }),
});
