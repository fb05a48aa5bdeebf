/**
 * What routes may ask about a person's own account: logging in and out, setting up an organisation,
 * and their name, password and current organisation. It sits above accounts, organisations and
 * navigation (where a person starts), so none of them needs to know about the others.
 */
export { loggedOut, logIn, signUp } from "./arriving";
export { confirmEmailChange, emailChangePage, requestEmailChange } from "./email-change";
export {
  changeMyPassword,
  introduceMe,
  myIntroduction,
  myOrganisations,
  renameMe,
  switchOrganisation,
} from "./own-account";
export { passwordResetPage, requestPasswordReset, resetForgottenPassword } from "./password-reset";
export {
  changeEmailSchema,
  changePasswordSchema,
  forgotPasswordSchema,
  introductionSchema,
  loginSchema,
  profileSchema,
  resetPasswordSchema,
  sessionIdSchema,
  signUpSchema,
  switchOrganisationSchema,
} from "./schemas";
export { endMyOtherSessions, endMySession, mySessions } from "./sessions";
