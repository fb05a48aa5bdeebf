import { z } from "zod";
import { NATIONS, POPULATIONS } from "./support-groups";

/**
 * The shape of content/support-resources.json (docs/decisions/0037). Every default a learner can be
 * shown says where its details come from (`source`, the service's own page) and when they were last
 * checked there; the file says by when they must all be checked again (`reviewBy`).
 */

const day = (what: string) =>
  z
    .string({ message: `Give ${what} as a date like 2026-12-01.` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `Give ${what} as a date like 2026-12-01.`)
    .refine(
      (v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
      {
        message: `${what[0]?.toUpperCase()}${what.slice(1)} is not a real date.`,
      },
    );

const https = (what: string) =>
  z
    .string({ message: `Give ${what}, starting with https://.` })
    .regex(/^https:\/\/[^\s/]+\.[^\s]+$/, `Give ${what}, starting with https://.`);

const text = (what: string, max: number) =>
  z
    .string({ message: `Give ${what}.` })
    .trim()
    .min(1, `Give ${what}.`)
    .max(max, `Keep ${what} to ${max} characters.`);

const optional = (max: number) => z.string().trim().max(max, `Keep it to ${max} characters.`).default("");

const key = z
  .string({ message: "Give each entry a key, such as breathing-space." })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "A key is lower-case words joined by hyphens, such as breathing-space.");

const places = {
  nations: z
    .array(z.enum(NATIONS, { message: `A nation is one of ${NATIONS.join(", ")}.` }), {
      message: "Say which nations it serves (uk for all of them).",
    })
    .min(1, "Say which nations it serves (uk for all of them)."),
  populations: z
    .array(z.enum(POPULATIONS, { message: `A group is one of ${POPULATIONS.join(", ")}.` }), {
      message: "Say who it is for (everyone, or the groups).",
    })
    .min(1, "Say who it is for (everyone, or the groups)."),
};

export const supportDefaultSchema = z
  .object({
    key,
    name: text("a name", 120),
    /** Names the same default had in earlier files, so an organisation that has it is not given it twice. */
    formerNames: z.array(z.string().trim().min(1)).default([]),
    purpose: text("what it is for", 400),
    phone: optional(60).pipe(
      z.string().regex(/^[0-9+()\s-]*$/, "A phone number has digits, spaces, brackets, + and - only."),
    ),
    sms: optional(120),
    web: z.union([z.literal(""), https("the website")]).default(""),
    hours: optional(120),
    ...places,
    source: https("the service's own page the details were taken from (source)"),
    checked: day("the date the details were checked (checked)"),
  })
  .strict()
  .refine((r) => [r.phone, r.sms, r.web].some((v) => v !== ""), {
    message: "Give a phone number, a text number or a website: learners are never shown a resource they cannot reach.",
    path: ["phone"],
  });

/** A default each organisation completes itself (its own supervisor): no contact details until it does. */
export const supportPlaceholderSchema = z
  .object({ key, name: text("a name", 120), purpose: text("what it is for", 400), ...places })
  .strict();

export const supportDefaultsFileSchema = z
  .object({
    reviewBy: day("the date by which every entry must be checked again (reviewBy)"),
    resources: z.array(supportDefaultSchema).min(1, "List at least one resource."),
    toComplete: z.array(supportPlaceholderSchema).default([]),
  })
  .strict()
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    for (const entry of [...file.resources, ...file.toComplete]) {
      if (seen.has(entry.key)) ctx.addIssue({ code: "custom", message: `The key ${entry.key} is used twice.` });
      seen.add(entry.key);
    }
    for (const [i, entry] of file.resources.entries()) {
      if (entry.checked > file.reviewBy)
        ctx.addIssue({
          code: "custom",
          path: ["resources", i, "checked"],
          message: `${entry.name} was checked after the review date: move reviewBy on.`,
        });
    }
  });

export type SupportDefaultsFile = z.infer<typeof supportDefaultsFileSchema>;
export type SupportDefault = z.infer<typeof supportDefaultSchema>;

/** Reads the file's contents, or says plainly which entry is wrong and how. */
export function parseSupportDefaults(json: unknown): SupportDefaultsFile {
  const parsed = supportDefaultsFileSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  throw new Error(`content/support-resources.json: ${z.prettifyError(parsed.error)}`);
}
