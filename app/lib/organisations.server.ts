export { setSessionOrg } from "../../modules/accounts/sessions";
export {
  acceptInvitation,
  createInvitation,
  invitationIsFor,
  listInvitations,
  lookUpInvitation,
  revokeInvitation,
  signUpWithInvitation,
} from "../../modules/organisations/invitations";
export {
  invitationSchema,
  joinNewAccountSchema,
  memberRolesSchema,
  signUpSchema,
  supportResourceSchema,
} from "../../modules/organisations/schemas";
export {
  actorFor,
  getMember,
  getOrganisation,
  listMembers,
  organisationsOf,
  removeMember,
  setMemberRoles,
  signUpWithOrganisation,
} from "../../modules/organisations/service";
export {
  addSupportResource,
  DEFAULT_SUPPORT_RESOURCES,
  deleteSupportResource,
  isReachable,
  listSupportResources,
  moveSupportResource,
  updateSupportResource,
} from "../../modules/organisations/support";
