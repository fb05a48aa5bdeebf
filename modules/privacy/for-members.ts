import { recordAudit } from "../audit/service";
import { type Context, inTransaction } from "../auth/context";
import { authorize } from "../auth/policy";
import { membershipRows } from "../organisations/personal-data";
import { getMember } from "../organisations/service";
import { collectPersonalData } from "./collect";
import { personalDataZip } from "./download";
import { erasePerson } from "./erase";

/** A member of the admin's own organisation; anyone else's is not found. */
function memberOf(ctx: Context, membershipId: string) {
  const found = getMember(ctx.db, ctx.actor.orgId, membershipId);
  authorize(ctx.actor, "organisation.manage", found);
  return found;
}

/**
 * A member asked the organisation for their data: the admin downloads it to pass on. Their journal
 * and supervision pages are left out (only they can download them), and the reason goes in the log.
 */
export function downloadMemberData(ctx: Context, membershipId: string, input: { reason: string }) {
  const member = memberOf(ctx, membershipId);
  return inTransaction(ctx, ({ db, now, actor }) => {
    const data = collectPersonalData(db, member.userId, now, "admin");
    recordAudit(
      db,
      {
        orgId: actor.orgId,
        actorUserId: actor.userId,
        action: "personal_data.exported_for_member",
        targetType: "user",
        targetId: member.userId,
        detail: { reason: input.reason },
      },
      now,
    );
    return personalDataZip(data);
  });
}

/** A member asked for their account to be deleted: the same erasure they could do themselves, with the reason logged. */
export function eraseMember(ctx: Context, membershipId: string, input: { reason: string; removeComments: boolean }) {
  const member = memberOf(ctx, membershipId);
  inTransaction(ctx, ({ db, now, actor }) => {
    const orgIds = membershipRows(db, member.userId).map((m) => m.orgId);
    if (!erasePerson(db, member.userId, { removeComments: input.removeComments }, now, "They")) return;
    for (const orgId of orgIds) {
      recordAudit(
        db,
        {
          orgId,
          actorUserId: orgId === actor.orgId ? actor.userId : null,
          action: "member.erased",
          targetType: "user",
          targetId: member.userId,
          detail: orgId === actor.orgId ? { reason: input.reason } : {},
        },
        now,
      );
    }
  });
}
