import { applyEmailChange, checkEmailChange, emailChangeFor, recordEmailChange } from "../accounts/email-changes";
import { LinkError } from "../accounts/one-time-links";
import { inTransaction, type Visit } from "../auth/context";
import { queueEmail } from "../email/outbox";
import { movePreferences } from "../email/preferences";
import { organisationsOf } from "../organisations/service";
import { ForbiddenError } from "../shared/errors";

function signedIn(visit: Visit): string {
  if (!visit.userId) throw new ForbiddenError("Log in to see your account.");
  return visit.userId;
}

/**
 * The person asks to use a new address. Nothing changes yet: the new address is sent a link to
 * confirm, and the current one a notice that the change was asked for, both in the transaction
 * that records the request.
 */
export async function requestEmailChange(
  visit: Visit,
  secret: string,
  input: { newEmail: string; currentPassword: string },
) {
  const user = await checkEmailChange(visit.db, signedIn(visit), input);
  inTransaction(visit, (tx) => {
    const token = recordEmailChange(tx.db, secret, user, input.newEmail, tx.now);
    const orgId = organisationsOf(tx.db, user.id)[0]?.id ?? null;
    queueEmail(
      tx.db,
      { orgId, kind: "email_change_confirmation", to: input.newEmail, params: { name: user.name, token } },
      tx.now,
    );
    queueEmail(
      tx.db,
      { orgId, kind: "email_change_notice", to: user.email, params: { name: user.name, newAddress: input.newEmail } },
      tx.now,
    );
  });
}

export type EmailChangePage = { ok: true; name: string; newEmail: string } | { ok: false; message: string };

/** What a confirmation link would change, asked before it does (opening a link changes nothing). */
export function emailChangePage(visit: Visit, secret: string, token: string): EmailChangePage {
  try {
    const change = emailChangeFor(visit.db, secret, token, visit.now);
    return { ok: true, name: change.user.name, newEmail: change.newEmail };
  } catch (error) {
    if (error instanceof LinkError) return { ok: false, message: error.message };
    throw error;
  }
}

/** Confirms the new address from its link: the account's email changes, and its email preferences follow it. */
export function confirmEmailChange(visit: Visit, secret: string, token: string) {
  return inTransaction(visit, (tx) => {
    const changed = applyEmailChange(tx.db, secret, token, tx.now);
    movePreferences(tx.db, changed.from, changed.to);
    return { newEmail: changed.to };
  });
}
