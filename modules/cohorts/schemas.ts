import { z } from "zod";
import { isCalendarDate } from "../shared/dates";
import { optionalText, requiredText } from "../shared/fields";

const calendarDate = (label: string) =>
  z
    .string({ message: `Enter ${label}.` })
    .trim()
    .min(1, `Enter ${label}.`)
    .refine(isCalendarDate, "Enter a real date, like 2027-03-01.");

const idField = (message: string) => z.string({ message }).regex(/^[A-Za-z0-9_-]{22}$/, message);

export const cohortDetailsSchema = z
  .object({
    name: requiredText("a name", 120),
    description: optionalText(1000),
    startsOn: calendarDate("the start date"),
    endsOn: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v ? v : null))
      .refine((v) => v === null || isCalendarDate(v), "Enter a real date, like 2027-06-30, or leave it empty."),
  })
  .refine((v) => !v.endsOn || v.endsOn >= v.startsOn, {
    path: ["endsOn"],
    message: "The end date is before the start date.",
  });

export type CohortDetails = z.infer<typeof cohortDetailsSchema>;

export const facilitatorSchema = z.object({
  userId: idField("Choose a person."),
  bio: optionalText(300),
});

export const memberSchema = z.object({ userId: idField("Choose a person.") });

export const assignmentSchema = z.object({
  target: z
    .string({ message: "Choose a course or a module." })
    .regex(/^(course|module):[A-Za-z0-9_-]{22}$/, "Choose a course or a module."),
  dueOn: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || isCalendarDate(v), "Enter a real date, like 2027-03-01, or leave it empty."),
});

export const assignmentIdSchema = z.object({ assignmentId: idField("That assignment could not be found.") });

/** Whether one of the cohort's assignments offers a self-paced route. */
export const selfPacedOfferSchema = assignmentIdSchema.extend({
  offered: z.enum(["yes", "no"]).transform((v) => v === "yes"),
});

/** A learner's choice of route for a course their cohort gave them. */
export const routeChoiceSchema = assignmentIdSchema.extend({
  route: z.enum(["self_paced", "live"], { message: "Choose a route." }),
});

/** A learner's request to move to another cohort; the reason is optional and never asked for. */
export const moveRequestSchema = z.object({
  toCohortId: z
    .string({ message: "Choose a cohort to move to." })
    .trim()
    .min(1, "Choose a cohort to move to.")
    .max(100),
  reason: optionalText(1000),
});

export const moveRequestIdSchema = z.object({ requestId: idField("That request could not be found.") });

/** A new due date for one of the cohort's assignments. */
export const dueDateSchema = assignmentIdSchema.extend(assignmentSchema.pick({ dueOn: true }).shape);

/** The learner list carried through the preview's confirm step: it is read and checked again. */
export const learnerRowsSchema = z.object({ rows: z.string().max(1_000_000).optional().default("") });

const STATUSES = ["not_started", "in_progress", "complete", "past_due"] as const;
const SORTS = ["name", "progress", "activity"] as const;

/**
 * The dashboard's address: which assignment, and how its learners are filtered and sorted. Anything
 * it does not know is simply left out (an old or hand-edited link still opens the dashboard).
 */
export const dashboardQuerySchema = z.object({
  assignment: z.string().optional().catch(undefined),
  status: z.enum(STATUSES).optional().catch(undefined),
  sort: z.enum(SORTS).optional().catch(undefined),
  q: z
    .string()
    .optional()
    .catch(undefined)
    .transform((v) => (v ?? "").slice(0, 100)),
  /** A page of the learners matching the filters; past the last, the last is shown. */
  page: z.coerce.number().int().min(1).max(1_000_000).optional().catch(undefined),
});

export type DashboardQuery = Partial<z.output<typeof dashboardQuerySchema>>;
