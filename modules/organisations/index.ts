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
  supportDefaultsReview,
  supportForLearners,
  supportNow,
  supportResource,
  supportStillToComplete,
  supportToManage,
  updateSupportResource,
  VISITOR_SUPPORT,
} from "./support";
export {
  NATION_LABELS,
  NATIONS,
  type Nation,
  POPULATION_LABELS,
  POPULATIONS,
  type Population,
} from "./support-groups";
export { sessionTimeouts, setSessionTimeouts } from "./timeouts";
export { graphicDetailWords, graphicDetailWordsToManage, setGraphicDetailWords } from "./writing-words";
