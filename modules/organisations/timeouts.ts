import { eq } from "drizzle-orm";
import { organisations } from "../../db/schema";
import { DEFAULT_IDLE_MINUTES, DEFAULT_LIFETIME_DAYS } from "../accounts/sessions";
import { recordAudit } from "../audit/service";
import { type Context, inTransaction } from "../auth/context";
import { authorize } from "../auth/policy";

/** How long the organisation's people stay signed in, as its admins see it: its values, or the defaults. */
export function sessionTimeouts(ctx: Context) {
  authorize(ctx.actor, "organisation.manage");
  const row = ctx.db
    .select({
      idleTimeoutMinutes: organisations.idleTimeoutMinutes,
      absoluteLifetimeDays: organisations.absoluteLifetimeDays,
    })
    .from(organisations)
    .where(eq(organisations.id, ctx.actor.orgId))
    .get();
  return {
    idleTimeoutMinutes: row?.idleTimeoutMinutes ?? DEFAULT_IDLE_MINUTES,
    absoluteLifetimeDays: row?.absoluteLifetimeDays ?? DEFAULT_LIFETIME_DAYS,
    defaults: { idleTimeoutMinutes: DEFAULT_IDLE_MINUTES, absoluteLifetimeDays: DEFAULT_LIFETIME_DAYS },
  };
}

/**
 * Sets both limits. They apply from each session's next request, since every request reads them
 * with the session; sessions already open longer than the new lifetime end then.
 */
export function setSessionTimeouts(ctx: Context, input: { idleTimeoutMinutes: number; absoluteLifetimeDays: number }) {
  authorize(ctx.actor, "organisation.manage");
  inTransaction(ctx, ({ db, actor, now }) => {
    db.update(organisations).set(input).where(eq(organisations.id, actor.orgId)).run();
    recordAudit(
      db,
      { orgId: actor.orgId, actorUserId: actor.userId, action: "organisation.timeouts_changed", detail: input },
      now,
    );
  });
}
