import { z } from "zod";
import { anyPassword, email, newPassword, personName } from "../shared/fields";

export const loginSchema = z.object({ email, password: anyPassword });

export const accountFields = { name: personName, email, password: newPassword };

export const changePasswordSchema = z
  .object({ currentPassword: anyPassword, newPassword: newPassword, confirmPassword: z.string().max(200) })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "The two new passwords are not the same.",
  });

export const profileSchema = z.object({ name: personName });
