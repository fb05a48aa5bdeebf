import { authenticate } from "../accounts/service";
import { recordAudit } from "../audit/service";
import { contextFor, type Visit } from "../auth/context";
import { startPage } from "../navigation/where-to";
import { actorFor, organisationsOf, signUpWithOrganisation } from "../organisations/service";

const FAILED = "That email and password do not match an account. Check them and try again.";
const THROTTLED = "There have been too many attempts to log in. For your safety, please wait 15 minutes and try again.";
/** The same for every email, with an account or not, so it says no more than FAILED does. */
const LOCKED =
  "Logging in with a password is paused for this email address after many attempts that did not match. To go on, set a new password by email.";

export type LogInResult =
  | { ok: true; userId: string; orgId: string | null; home: string }
  | { ok: false; message: string; locked: boolean };

/**
 * Checks the credentials, and where the person goes next: their first organisation's start page, or
 * their account when they belong to none. The session itself is the web layer's to start.
 */
export async function logIn(visit: Visit, input: { email: string; password: string }, from: { ip: string }) {
  const result = await authenticate(visit.db, { ...input, ip: from.ip }, visit.now);
  if (!result.ok) {
    const message = { invalid: FAILED, throttled: THROTTLED, locked: LOCKED }[result.reason];
    return { ok: false, message, locked: result.reason === "locked" } as LogInResult;
  }
  const userId = result.user.id;
  const first = organisationsOf(visit.db, userId)[0];
  const actor = first ? actorFor(visit.db, first.id, userId) : null;
  const home = actor ? startPage(contextFor(visit.db, actor, visit.now, visit.events)) : "/account";
  return { ok: true, userId, orgId: actor?.orgId ?? null, home } as LogInResult;
}

/** Leaving is recorded: who logged out, when, and from where. */
export function loggedOut(visit: Visit, from: { ip: string | null }) {
  if (visit.userId) recordAudit(visit.db, { actorUserId: visit.userId, action: "logout", ip: from.ip }, visit.now);
}

/**
 * Someone new sets up their organisation and becomes its admin. The answer is the same whether the
 * email was new or already had an account (docs/decisions/0002); sign-ups are limited per address.
 */
export async function signUp(
  visit: Visit,
  input: { name: string; email: string; password: string; organisationName: string },
  from: { ip: string; perHour: number },
) {
  await signUpWithOrganisation(visit.db, { ...input, ip: from.ip }, { perHour: from.perHour }, visit.now);
}
