/**
 * What the sign-up, account and Workshop people pages still take from organisations directly; the
 * organisation's own pages go through `domain.server.ts`.
 */
export { setSessionOrg } from "../../modules/accounts/sessions";
export { signUpSchema } from "../../modules/organisations/schemas";
export {
  actorFor,
  listMembers,
  organisationsOf,
  signUpWithOrganisation,
} from "../../modules/organisations/service";
