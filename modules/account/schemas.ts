import { z } from "zod";

export {
  changeEmailSchema,
  changePasswordSchema,
  forgotPasswordSchema,
  introductionSchema,
  loginSchema,
  profileSchema,
  resetPasswordSchema,
} from "../accounts/schemas";
export { signUpSchema } from "../organisations/schemas";

/** The organisation to switch to, from the account page's list: the domain checks it is one of theirs. */
export const switchOrganisationSchema = z.object({ orgId: z.string().max(100) });

/** One of the person's own sessions, from the account page's list: the domain checks it is theirs. */
export const sessionIdSchema = z.object({ sessionId: z.string().min(1, "Choose a session.").max(200) });
