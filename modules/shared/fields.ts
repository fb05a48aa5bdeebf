import { z } from "zod";

/** Field rules shared by every form, so limits and messages read the same everywhere. */
export const email = z
  .string({ message: "Enter your email address." })
  .trim()
  .min(1, "Enter your email address.")
  .max(254, "An email address can be at most 254 characters.")
  .pipe(z.email({ message: "Enter an email address like name@example.org." }))
  .transform((v) => v.toLowerCase());

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 200;

export const newPassword = z
  .string({ message: "Choose a password." })
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`);

/** For log-in we only bound the size: the rules for new passwords may change over time. */
export const anyPassword = z
  .string({ message: "Enter your password." })
  .min(1, "Enter your password.")
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`);

export const personName = z
  .string({ message: "Enter your name." })
  .trim()
  .min(1, "Enter your name.")
  .max(100, "Use at most 100 characters.");

export const requiredText = (label: string, max: number) =>
  z
    .string({ message: `Enter ${label}.` })
    .trim()
    .min(1, `Enter ${label}.`)
    .max(max, `Use at most ${max} characters.`);

export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters.`)
    .optional()
    .transform((v) => v ?? "");

/** Checkbox groups arrive as repeated fields; a single value arrives as a string. */
export const manyOf = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.enum(values, { message })).min(1, message),
  );
