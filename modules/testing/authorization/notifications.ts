import { type Context, visitFor } from "../../auth/context";
import * as api from "../../notifications/index";
import { type CasesFor, EVERYONE } from "./cases";

const visitOf = (ctx: Context) => visitFor(ctx.db, ctx.actor.userId, ctx.now, ctx.events);

/** How a person hears of mentions, replies and review requests is theirs alone, whatever their roles. */
export const cases: CasesFor<typeof api> = {
  notificationChoices: { allowed: EVERYONE, ownOnly: true, run: (ctx) => api.notificationChoices(visitOf(ctx)) },
  setNotificationChoices: {
    allowed: EVERYONE,
    ownOnly: true,
    run: (ctx) =>
      api.setNotificationChoices(visitOf(ctx), { mention: "digest", reply: "never", review_request: "now" }),
  },
};
