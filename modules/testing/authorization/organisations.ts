import * as api from "../../organisations/index";
import { type CasesFor, EVERYONE } from "./cases";
import { SECRET } from "./world";

const RESOURCE = {
  name: "Peer line",
  purpose: "Someone to talk to after a hard shift.",
  phone: "0191 496 0000",
  sms: "",
  web: "",
  hours: "",
  nations: ["uk"] as ("uk" | "england")[],
  populations: ["everyone"] as ("everyone" | "men")[],
  source: "",
};

/** Organisations: its admins run members, invitations and support resources; everyone sees the support. */
export const cases: CasesFor<typeof api> = {
  organisationToManage: { allowed: ["admin"], ownOnly: true, run: (ctx) => api.organisationToManage(ctx) },
  members: { allowed: ["admin"], ownOnly: true, run: (ctx) => api.members(ctx) },
  member: { allowed: ["admin"], run: (ctx, on) => api.member(ctx, on.newcomerMembershipId) },
  setMemberRoles: {
    allowed: ["admin"],
    run: (ctx, on) => api.setMemberRoles(ctx, on.newcomerMembershipId, ["learner", "co_designer"]),
  },
  removeMember: { allowed: ["admin"], run: (ctx, on) => api.removeMember(ctx, on.newcomerMembershipId) },
  listInvitations: { allowed: ["admin"], ownOnly: true, run: (ctx) => api.listInvitations(ctx) },
  invite: {
    allowed: ["admin"],
    ownOnly: true,
    run: (ctx) =>
      api.invite(ctx, SECRET, { label: "Autumn", email: null, roles: ["learner"], expiresInDays: 7, maxUses: 3 }),
  },
  revokeInvitation: { allowed: ["admin"], run: (ctx, on) => api.revokeInvitation(ctx, on.invitationId) },
  sessionTimeouts: { allowed: ["admin"], ownOnly: true, run: (ctx) => api.sessionTimeouts(ctx) },
  setSessionTimeouts: {
    allowed: ["admin"],
    ownOnly: true,
    run: (ctx) => api.setSessionTimeouts(ctx, { idleTimeoutMinutes: 45, absoluteLifetimeDays: 7 }),
  },
  // Not secret, and read on every module page by whoever may open it (reviewers of any role too).
  graphicDetailWords: { allowed: EVERYONE, ownOnly: true, run: (ctx) => api.graphicDetailWords(ctx) },
  graphicDetailWordsToManage: { allowed: ["admin"], ownOnly: true, run: (ctx) => api.graphicDetailWordsToManage(ctx) },
  setGraphicDetailWords: {
    allowed: ["admin"],
    ownOnly: true,
    run: (ctx) => api.setGraphicDetailWords(ctx, { words: ["scalpel"] }),
  },
  supportForLearners: { allowed: EVERYONE, ownOnly: true, run: (ctx) => api.supportForLearners(ctx) },
  supportNow: { allowed: EVERYONE, ownOnly: true, run: (ctx) => api.supportNow(ctx) },
  supportToManage: { allowed: ["admin"], ownOnly: true, run: (ctx) => api.supportToManage(ctx) },
  supportStillToComplete: { allowed: ["admin"], ownOnly: true, run: (ctx) => api.supportStillToComplete(ctx) },
  supportDefaultsReview: { allowed: ["admin"], ownOnly: true, run: (ctx) => api.supportDefaultsReview(ctx) },
  supportResource: { allowed: ["admin"], run: (ctx, on) => api.supportResource(ctx, on.supportResourceId) },
  addSupportResource: { allowed: ["admin"], ownOnly: true, run: (ctx) => api.addSupportResource(ctx, RESOURCE) },
  updateSupportResource: {
    allowed: ["admin"],
    run: (ctx, on) => api.updateSupportResource(ctx, on.supportResourceId, RESOURCE),
  },
  deleteSupportResource: {
    allowed: ["admin"],
    run: (ctx, on) => api.deleteSupportResource(ctx, on.supportResourceId),
  },
  moveSupportResource: {
    allowed: ["admin"],
    run: (ctx, on) => api.moveSupportResource(ctx, on.supportResourceId, "down"),
  },
};
