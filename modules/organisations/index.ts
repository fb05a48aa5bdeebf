/**
 * What routes may ask of organisations: its admins' members, invitations and support pages, and the
 * support everyone is shown. Joining through an invitation is its own feature (`modules/joining`).
 */
export { invite, listInvitations, revokeInvitation } from "./invitations";
export { member, members, removeMember, setMemberRoles } from "./members";
export {
  graphicDetailWordsSchema,
  invitationIdSchema,
  invitationSchema,
  memberRolesSchema,
  resourceIdSchema,
  sessionTimeoutsSchema,
  supportResourceSchema,
} from "./schemas";
export { organisationToManage } from "./service";
export {
  addSupportResource,
  deleteSupportResource,
  moveSupportResource,
  supportForLearners,
  supportNow,
  supportResource,
  supportToManage,
  updateSupportResource,
  VISITOR_SUPPORT,
} from "./support";
export { sessionTimeouts, setSessionTimeouts } from "./timeouts";
export { graphicDetailWords, graphicDetailWordsToManage, setGraphicDetailWords } from "./writing-words";
