import { eq } from "drizzle-orm";
import { users } from "../../db/schema";
import { hashNewPassword, insertUser, type NewAccount } from "../accounts/service";
import { recordAudit } from "../audit/service";
import { inTransaction, type Visit } from "../auth/context";
import { cohortIntroduction } from "../cohorts/introduction";
import { joinThroughInvitation } from "../cohorts/join-through-invitation";
import { claimInvitationUse, invitationIsFor, lookUpInvitation } from "../organisations/invitations";
import { actorFor, addMembership } from "../organisations/service";
import { ForbiddenError, InvalidError, NotFoundError } from "../shared/errors";

/**
 * Said when a personal invitation meets an account with another email. The address it was sent to
 * is never shown: whoever holds the link may not be that person.
 */
const NOT_THEIR_EMAIL = {
  signUp:
    "This invitation was made for one person, and sent to a different email address. Sign up with the address it was sent to, or ask the person who sent it for a link of your own.",
  signedIn:
    "This invitation was made for one person, and sent to a different email address from the one you are logged in with. Log out and join with the address it was sent to, or ask the person who sent it for a link of your own.",
} as const;

function signedInPerson(visit: Visit) {
  if (!visit.userId) return null;
  const user = visit.db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(eq(users.id, visit.userId))
    .get();
  if (!user) throw new NotFoundError("That account");
  return user;
}

/**
 * What the page behind an invitation link shows: the organisation and the roles it brings, whether
 * it is personal (never for whom), and whether the person signed in may use it; or why it cannot be
 * used. An invitation into a cohort shows the cohort first, with its training, its dates and each
 * facilitator as they introduce themselves, so nobody joins a group without knowing who runs it.
 * The token is what lets anyone see this, so it is the whole of the check.
 */
export function invitationPage(visit: Visit, secret: string, token: string) {
  const found = lookUpInvitation(visit.db, secret, token, visit.now);
  if (!found.ok) return found;
  const person = signedInPerson(visit);
  return {
    ok: true as const,
    orgName: found.invitation.orgName,
    roles: found.invitation.roles,
    personal: found.invitation.email !== null,
    forThisAccount: person ? invitationIsFor(found.invitation, person.email) : null,
    cohort: found.invitation.cohortId
      ? cohortIntroduction(visit.db, found.invitation.orgId, found.invitation.cohortId)
      : null,
  };
}

/**
 * Uses one place on the invitation: the person gets its roles in its organisation and joins the
 * cohort it carries. A member who gains roles by it has their access changed, which is told.
 */
function redeem(
  tx: Visit,
  secret: string,
  token: string,
  user: { id: string; email: string },
  how: "signUp" | "signedIn",
) {
  const { db, now } = tx;
  const found = lookUpInvitation(db, secret, token, now);
  if (!found.ok) throw new InvalidError(found.message, "invitation");
  const { invitation } = found;
  if (!invitationIsFor(invitation, user.email)) {
    throw new InvalidError(NOT_THEIR_EMAIL[how], how === "signUp" ? "email" : "form");
  }
  claimInvitationUse(db, invitation.id);
  const before = actorFor(db, invitation.orgId, user.id)?.roles;
  addMembership(db, invitation.orgId, user.id, invitation.roles, now);
  if (invitation.cohortId) joinThroughInvitation(db, { ...invitation, cohortId: invitation.cohortId }, user.id, now);
  recordAudit(
    db,
    {
      orgId: invitation.orgId,
      actorUserId: user.id,
      action: "membership.joined",
      targetType: "invitation",
      targetId: invitation.id,
      detail: { roles: invitation.roles },
    },
    now,
  );
  const after = actorFor(db, invitation.orgId, user.id)?.roles ?? [];
  if (before && after.some((role) => !before.includes(role))) {
    tx.events.emit({ type: "membership.roles_changed", orgId: invitation.orgId, userId: user.id, roles: after });
  }
  return { orgId: invitation.orgId };
}

/** The person signed in accepts an invitation; they may belong to no organisation yet, or to others. */
export function acceptInvitation(visit: Visit, secret: string, token: string) {
  return inTransaction(visit, (tx) => {
    const person = signedInPerson(tx);
    if (!person) throw new ForbiddenError("Log in first, then open the invitation link again.");
    return redeem(tx, secret, token, person, "signedIn");
  });
}

/** A new person signs up through an invitation link: the account and the joining stand or fall together. */
export async function signUpWithInvitation(visit: Visit, secret: string, token: string, input: NewAccount) {
  // Hashing is slow: a link that cannot be used says so first (redeem checks again, in the transaction).
  const found = lookUpInvitation(visit.db, secret, token, visit.now);
  if (!found.ok) throw new InvalidError(found.message, "invitation");
  const hash = await hashNewPassword(input.password, input.email);
  return inTransaction(visit, (tx) => {
    const user = insertUser(tx.db, input, hash, tx.now);
    const invitation = redeem(tx, secret, token, user, "signUp");
    return { user, invitation };
  });
}
