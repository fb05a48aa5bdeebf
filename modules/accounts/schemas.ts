import { z } from "zod";
import { anyPassword, email, newPassword, optionalText, personName } from "../shared/fields";

export const loginSchema = z.object({
  email,
  password: anyPassword,
  /** "Keep me signed in", a checkbox: then only the absolute lifetime applies, and the cookie outlives the browser. */
  keepSignedIn: z
    .literal("on", { message: "Choose whether to stay signed in." })
    .optional()
    .transform((v) => v === "on"),
});

export const accountFields = { name: personName, email, password: newPassword };

export const changePasswordSchema = z
  .object({ currentPassword: anyPassword, newPassword: newPassword, confirmPassword: z.string().max(200) })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "The two new passwords are not the same.",
  });

export const profileSchema = z.object({ name: personName });

/** How a person introduces themselves to their cohorts' learners; either part may be left empty. */
export const introductionSchema = z.object({
  pronouns: optionalText(40),
  livedExperience: optionalText(600),
});

/** The address to send a password reset link to. */
export const forgotPasswordSchema = z.object({ email });

export const resetPasswordSchema = z
  .object({ newPassword, confirmPassword: z.string().max(200) })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "The two new passwords are not the same.",
  });

/** A new email address for the account, confirmed with the current password. */
export const changeEmailSchema = z.object({ newEmail: email, currentPassword: anyPassword });
