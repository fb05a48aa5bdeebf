import { type Context, visitFor } from "../../auth/context";
import * as api from "../../joining/index";
import { type CasesFor, EVERYONE } from "./cases";
import { SECRET } from "./world";

/** The person signed in, as someone holding an invitation link. */
const visitOf = (ctx: Context) => visitFor(ctx.db, ctx.actor.userId, ctx.now, ctx.events);

/**
 * Joining is by link: whoever holds an invitation's token may see it and use it, whatever their roles
 * and wherever they belong already (that is what an invitation is for).
 */
export const cases: CasesFor<typeof api> = {
  invitationPage: {
    allowed: EVERYONE,
    byToken: true,
    run: (ctx, on) => {
      const page = api.invitationPage(visitOf(ctx), SECRET, on.invitationToken);
      if (!page.ok) throw new Error(page.message);
      return page;
    },
  },
  acceptInvitation: {
    allowed: EVERYONE,
    byToken: true,
    run: (ctx, on) => api.acceptInvitation(visitOf(ctx), SECRET, on.invitationToken),
  },
  signUpWithInvitation: {
    allowed: EVERYONE,
    byToken: true,
    run: (ctx, on) =>
      api.signUpWithInvitation(visitFor(ctx.db, null, ctx.now), SECRET, on.invitationToken, {
        name: "Someone New",
        email: "someone.new@example.org",
        password: "calm harbour lighthouse 1234",
      }),
  },
};
