import { isOwnPassword } from "../accounts/personal-data";
import { recordAudit } from "../audit/service";
import { inTransaction, type Visit } from "../auth/context";
import { membershipRows } from "../organisations/personal-data";
import { ForbiddenError, InvalidError } from "../shared/errors";
import { collectPersonalData } from "./collect";
import { personalDataZip } from "./download";
import { assertNotLastAdmin, erasePerson } from "./erase";

function signedIn(visit: Visit): string {
  if (!visit.userId) throw new ForbiddenError("Log in to see your account.");
  return visit.userId;
}

/**
 * Everything Alongside holds about the person, journal included, as one zip. The audit trail says a
 * download happened (in each of their organisations' logs), never what was in it.
 */
export function downloadMyData(visit: Visit, meta: { ip: string | null }) {
  const userId = signedIn(visit);
  return inTransaction(visit, ({ db, now }) => {
    const data = collectPersonalData(db, userId, now, "self");
    recordAudit(
      db,
      { actorUserId: userId, action: "personal_data.exported", targetType: "user", targetId: userId, ip: meta.ip },
      now,
    );
    return personalDataZip(data);
  });
}

/** What the account page shows before the person deletes their account: whether anything stops them. */
export function myDeletionBlock(visit: Visit): string | null {
  try {
    assertNotLastAdmin(visit.db, signedIn(visit));
    return null;
  } catch (error) {
    if (error instanceof InvalidError) return error.message;
    throw error;
  }
}

/**
 * Deletes the person's account, confirmed by their password. Each organisation they were in keeps a
 * line in its activity log saying an account was deleted, and nothing about what it held.
 */
export async function deleteMyAccount(visit: Visit, input: { password: string; removeComments: boolean }) {
  const userId = signedIn(visit);
  assertNotLastAdmin(visit.db, userId, { field: "password" });
  if (!(await isOwnPassword(visit.db, userId, input.password))) {
    throw new InvalidError("That is not your password. Type the password you log in with.", "password");
  }
  inTransaction(visit, ({ db, now }) => {
    const orgIds = membershipRows(db, userId).map((m) => m.orgId);
    if (!erasePerson(db, userId, { removeComments: input.removeComments }, now)) return;
    for (const orgId of orgIds) {
      recordAudit(
        db,
        { orgId, actorUserId: userId, action: "account.erased", targetType: "user", targetId: userId },
        now,
      );
    }
  });
}
