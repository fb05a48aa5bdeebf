import { z } from "zod";
import { accountFields } from "../accounts/schemas";
import { ROLES } from "../auth/roles";
import { manyOf, optionalText, requiredText } from "../shared/fields";
import { isId } from "../shared/ids";
import { NATIONS, narrowest, POPULATIONS } from "./support-groups";

export const organisationName = requiredText("your organisation's name", 120);

export const signUpSchema = z.object({ ...accountFields, organisationName });

export const rolesField = manyOf(ROLES, "Choose at least one role.");

export const memberRolesSchema = z.object({ roles: rolesField });

/** An id from a hidden field: a forged or stale one reads as the thing not being there. */
const hiddenId = (what: string) => {
  const message = `${what} could not be found.`;
  return z.string({ message }).refine(isId, message);
};

export const invitationIdSchema = z.object({ invitationId: hiddenId("That invitation") });

export const resourceIdSchema = z.object({ resourceId: hiddenId("That support resource") });

/** Empty for a link anyone can use; an address makes the invitation personal. */
const personalEmail = z
  .string()
  .trim()
  .max(254, "An email address can be at most 254 characters.")
  .optional()
  .transform((v) => (v ? v.toLowerCase() : null))
  .refine(
    (v) => v === null || z.email().safeParse(v).success,
    "Enter an email address like name@example.org, or leave it empty for a link anyone can use.",
  );

export const invitationSchema = z.object({
  label: optionalText(120),
  email: personalEmail,
  roles: rolesField,
  expiresInDays: z.coerce
    .number({ message: "Enter a number of days." })
    .int("Enter a whole number of days.")
    .min(1, "An invitation lasts at least 1 day.")
    .max(90, "An invitation lasts at most 90 days."),
  maxUses: z.coerce
    .number({ message: "Enter how many people may use it." })
    .int("Enter a whole number.")
    .min(1, "At least 1 person must be able to use it.")
    .max(500, "At most 500 people can use one invitation."),
});

const phoneLike = z
  .string()
  .trim()
  .max(60, "Use at most 60 characters.")
  .regex(/^[0-9+()\s-]*$/, "Use digits, spaces, brackets, + and - only.")
  .optional()
  .transform((v) => v ?? "");

const webAddress = z
  .string()
  .trim()
  .max(300, "Use at most 300 characters.")
  .refine((v) => v === "" || /^https:\/\/[^\s]+\.[^\s]+$/i.test(v), "Enter a web address starting with https://")
  .optional()
  .transform((v) => v ?? "");

export const supportResourceSchema = z.object({
  name: requiredText("a name", 120),
  purpose: requiredText("what it is for", 400),
  phone: phoneLike,
  sms: optionalText(120),
  web: webAddress,
  hours: optionalText(120),
  // UK-wide ticked with a nation, or everyone with a group, means the broad one.
  nations: manyOf(NATIONS, "Choose where it serves: UK-wide, or the nations.").transform((v) => narrowest(v, "uk")),
  populations: manyOf(POPULATIONS, "Choose who it is for: everyone, or the groups.").transform((v) =>
    narrowest(v, "everyone"),
  ),
  source: webAddress,
});

export type SupportResourceInput = z.infer<typeof supportResourceSchema>;

/** A whole number from a form field, within bounds, with one plain message for anything else. */
const wholeNumber = (min: number, max: number, message: string) =>
  z
    .string({ message })
    .trim()
    .regex(/^\d{1,6}$/, message)
    .transform(Number)
    .pipe(z.number().int().min(min, message).max(max, message));

export const IDLE_MINUTES_BOUNDS = { min: 5, max: 480 } as const;
export const LIFETIME_DAYS_BOUNDS = { min: 1, max: 90 } as const;

/**
 * How long people stay signed in: a few minutes unused at least (less ends sessions mid-sentence),
 * a working day at most; and a lifetime from a day to three months.
 */
export const sessionTimeoutsSchema = z.object({
  idleTimeoutMinutes: wholeNumber(
    IDLE_MINUTES_BOUNDS.min,
    IDLE_MINUTES_BOUNDS.max,
    `Enter a whole number of minutes from ${IDLE_MINUTES_BOUNDS.min} to ${IDLE_MINUTES_BOUNDS.max} (8 hours).`,
  ),
  absoluteLifetimeDays: wholeNumber(
    LIFETIME_DAYS_BOUNDS.min,
    LIFETIME_DAYS_BOUNDS.max,
    `Enter a whole number of days from ${LIFETIME_DAYS_BOUNDS.min} to ${LIFETIME_DAYS_BOUNDS.max}.`,
  ),
});

/** One word or phrase a line; blank lines are dropped and repeats kept once. */
export const WRITING_WORDS_BOUNDS = { words: 200, characters: 60 } as const;

export const graphicDetailWordsSchema = z.object({
  words: z
    .string({ message: "List the words, one on each line, or leave it empty for none." })
    .max(20_000, "The list is too long: keep it to 200 words or phrases.")
    .transform((text) => [
      ...new Set(
        text
          .split(/\r?\n/)
          .map((w) => w.trim().replace(/\s+/g, " ").toLowerCase())
          .filter(Boolean),
      ),
    ])
    .refine((words) => words.length <= WRITING_WORDS_BOUNDS.words, "Keep the list to 200 words or phrases.")
    .refine(
      (words) => words.every((w) => w.length <= WRITING_WORDS_BOUNDS.characters),
      `Each line can be at most ${WRITING_WORDS_BOUNDS.characters} characters: put one word or short phrase on each line.`,
    ),
});
