import { type Context, visitFor } from "../../auth/context";
import * as api from "../../email/index";
import { queueEmail } from "../../email/outbox";
import { unsubscribeToken } from "../../email/unsubscribe-tokens";
import { type CasesFor, EVERYONE } from "./cases";
import { SECRET } from "./world";

const links = { origin: "https://alongside.example.org", secret: SECRET };

/** A message of the organisation the row is tried on, queued as an invitation would queue it. */
function messageOf(ctx: Context, orgId: string) {
  return queueEmail(
    ctx.db,
    { orgId, kind: "invitation", to: `invited.${orgId}@example.org`, params: { token: "t", orgName: "Org" } },
    ctx.now,
  );
}

/**
 * Outgoing email is for those who look after the organisation; unsubscribing is by link, for whoever
 * holds it (the address's owner, or their mail client), signed in or not.
 */
export const cases: CasesFor<typeof api> = {
  outgoingEmail: { allowed: ["admin"], ownOnly: true, run: (ctx) => api.outgoingEmail(ctx) },
  outgoingMessage: {
    allowed: ["admin"],
    run: (ctx, on) => api.outgoingMessage(ctx, messageOf(ctx, on.orgId), links),
  },
  unsubscribePage: {
    allowed: EVERYONE,
    byToken: true,
    run: (ctx, on) => {
      const answer = api.unsubscribePage(
        visitFor(ctx.db, null, ctx.now),
        SECRET,
        unsubscribeToken(SECRET, `invited.${on.orgId}@example.org`, "invitation"),
      );
      if (!answer.ok) throw new Error(answer.message);
    },
  },
  unsubscribe: {
    allowed: EVERYONE,
    byToken: true,
    run: (ctx, on) => {
      const answer = api.unsubscribe(
        visitFor(ctx.db, null, ctx.now),
        SECRET,
        unsubscribeToken(SECRET, `invited.${on.orgId}@example.org`, "invitation"),
      );
      if (!answer.ok) throw new Error(answer.message);
    },
  },
};
