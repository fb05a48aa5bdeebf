import { recordAudit } from "../audit/service";
import { type Context, inTransaction } from "../auth/context";
import { authorize } from "../auth/policy";
import { retentionMonths, saveRetention } from "./retention-records";

/** How long the organisation keeps a learner's progress and journal after their last activity; null keeps them. */
export function retentionSetting(ctx: Context) {
  authorize(ctx.actor, "organisation.manage");
  return { months: retentionMonths(ctx.db, ctx.actor.orgId) };
}

export function setRetention(ctx: Context, input: { months: number | null }) {
  authorize(ctx.actor, "organisation.manage");
  inTransaction(ctx, ({ db, actor, now }) => {
    saveRetention(db, actor.orgId, input.months, actor.userId, now);
    recordAudit(
      db,
      { orgId: actor.orgId, actorUserId: actor.userId, action: "retention.changed", detail: { months: input.months } },
      now,
    );
  });
}
