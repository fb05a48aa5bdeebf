import { type Introduction, introductionOf, saveIntroduction } from "../accounts/introductions";
import { changePassword, updateProfileName } from "../accounts/service";
import { setSessionOrg } from "../accounts/sessions";
import type { Visit } from "../auth/context";
import { actorFor, organisationsOf } from "../organisations/service";
import { ForbiddenError, NotFoundError } from "../shared/errors";

/** Only the person signed in has an account page; a visitor is sent to log in. */
function signedIn(visit: Visit): string {
  if (!visit.userId) throw new ForbiddenError("Log in to see your account.");
  return visit.userId;
}

/** The organisations the person belongs to, to switch between on their account page. */
export function myOrganisations(visit: Visit) {
  return organisationsOf(visit.db, signedIn(visit));
}

export function renameMe(visit: Visit, input: { name: string }) {
  updateProfileName(visit.db, signedIn(visit), input.name);
}

/** What the person shows learners of the cohorts they facilitate, as they last wrote it. */
export function myIntroduction(visit: Visit) {
  return introductionOf(visit.db, signedIn(visit));
}

/** The person's own words: the account page is the only place they are written, by them alone. */
export function introduceMe(visit: Visit, input: Introduction) {
  saveIntroduction(visit.db, signedIn(visit), input, visit.now);
}

/** A new password ends every other session of the person: whoever else held one is logged out. */
export async function changeMyPassword(
  visit: Visit,
  sessionId: string,
  input: { currentPassword: string; newPassword: string },
) {
  await changePassword(visit.db, { userId: signedIn(visit), sessionId, ...input }, visit.now);
}

/** Only an organisation the person belongs to can become their current one; any other is not found. */
export function switchOrganisation(visit: Visit, sessionId: string, input: { orgId: string }) {
  const userId = signedIn(visit);
  if (!actorFor(visit.db, input.orgId, userId)) {
    throw new NotFoundError("That organisation");
  }
  setSessionOrg(visit.db, sessionId, input.orgId);
}
