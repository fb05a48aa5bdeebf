import { recordAudit } from "../audit/service";
import { type Context, inTransaction } from "../auth/context";
import { authorize } from "../auth/policy";
import { reminderDays, saveReminderDays } from "./policy";

/** How many days before a due date the organisation's learners are reminded; 0 when it sends none. */
export function reminderSetting(ctx: Context) {
  authorize(ctx.actor, "organisation.manage");
  return { days: reminderDays(ctx.db, ctx.actor.orgId) };
}

export function setReminderDays(ctx: Context, input: { days: number }) {
  authorize(ctx.actor, "organisation.manage");
  inTransaction(ctx, ({ db, actor, now }) => {
    saveReminderDays(db, actor.orgId, input.days, actor.userId, now);
    recordAudit(
      db,
      { orgId: actor.orgId, actorUserId: actor.userId, action: "reminders.changed", detail: { days: input.days } },
      now,
    );
  });
}
