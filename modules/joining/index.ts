/**
 * What routes may ask of joining: the invitation behind a link, and using it, signed in or signing
 * up. It sits above organisations (the invitation, the membership) and cohorts (the group an
 * invitation may carry), so neither needs to know about the other.
 */
export { acceptInvitation, invitationPage, signUpWithInvitation } from "./join";
export { joinNewAccountSchema } from "./schemas";
