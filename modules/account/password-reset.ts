import { LinkError } from "../accounts/one-time-links";
import { recordResetRequest, resetLinkFor, resetPassword } from "../accounts/password-resets";
import { inTransaction, type Visit } from "../auth/context";
import { queueEmail } from "../email/outbox";
import { organisationsOf } from "../organisations/service";

/**
 * Someone forgot their password. The answer is the same whether or not the address has an account
 * (the page says "if it has an account, a link is on its way"), and the same work is done either way;
 * the email goes in the same transaction as the link it carries. Its admins see that it was sent
 * (under the person's first organisation), never the link.
 */
export function requestPasswordReset(
  visit: Visit,
  secret: string,
  input: { email: string },
  from: { ip: string | null },
) {
  inTransaction(visit, (tx) => {
    const found = recordResetRequest(tx.db, secret, input.email, from.ip, tx.now);
    if (!found) return;
    queueEmail(
      tx.db,
      {
        orgId: organisationsOf(tx.db, found.user.id)[0]?.id ?? null,
        kind: "password_reset",
        to: input.email,
        params: { name: found.user.name, token: found.token },
      },
      tx.now,
    );
  });
}

export type ResetPage = { ok: true; name: string } | { ok: false; message: string };

/** Whether a reset link can still be used, with the plain reason when not. */
export function passwordResetPage(visit: Visit, secret: string, token: string): ResetPage {
  try {
    return { ok: true, name: resetLinkFor(visit.db, secret, token, visit.now).user.name };
  } catch (error) {
    if (error instanceof LinkError) return { ok: false, message: error.message };
    throw error;
  }
}

/**
 * Sets the new password chosen from a reset link: the link is spent, every other session of the
 * account ends, and it is audited. The session making the change stays only if it is theirs.
 */
export async function resetForgottenPassword(
  visit: Visit,
  secret: string,
  token: string,
  input: { newPassword: string },
  from: { sessionId: string | null; ip: string | null },
) {
  await resetPassword(
    visit.db,
    secret,
    { token, password: input.newPassword, keepSessionId: from.sessionId, ip: from.ip },
    visit.now,
  );
}
