import { eq } from "drizzle-orm";
import { users } from "../../../db/schema";
import { hashPassword } from "../../accounts/passwords";
import { type Context, visitFor } from "../../auth/context";
import { addMembership } from "../../organisations/service";
import * as api from "../../privacy/index";
import { makeUser } from "../fixtures";
import { type CasesFor, EVERYONE } from "./cases";

const visitOf = (ctx: Context) => visitFor(ctx.db, ctx.actor.userId, ctx.now, ctx.events);

const PASSWORD = "quiet meadow lantern 2718";
let hashed: Promise<string> | undefined;
/** The caller gets a password they know, and a fellow admin so that an admin may leave; the test rolls both back. */
async function readyToLeave(ctx: Context) {
  hashed ??= hashPassword(PASSWORD);
  ctx.db
    .update(users)
    .set({ passwordHash: await hashed })
    .where(eq(users.id, ctx.actor.userId))
    .run();
  addMembership(ctx.db, ctx.actor.orgId, makeUser(ctx.db, "Fellow Admin").id, ["admin"], ctx.now);
}

/** A person's own data is theirs whatever their roles; carrying out a member's request is for their organisation's admins. */
export const cases: CasesFor<typeof api> = {
  downloadMyData: { allowed: EVERYONE, ownOnly: true, run: (ctx) => api.downloadMyData(visitOf(ctx), { ip: null }) },
  myDeletionBlock: { allowed: EVERYONE, ownOnly: true, run: (ctx) => api.myDeletionBlock(visitOf(ctx)) },
  deleteMyAccount: {
    allowed: EVERYONE,
    ownOnly: true,
    run: async (ctx) => {
      await readyToLeave(ctx);
      await api.deleteMyAccount(visitOf(ctx), { password: PASSWORD, removeComments: false });
    },
  },
  downloadMemberData: {
    allowed: ["admin"],
    run: (ctx, on) => api.downloadMemberData(ctx, on.newcomerMembershipId, { reason: "Asked by letter" }),
  },
  eraseMember: {
    allowed: ["admin"],
    run: (ctx, on) =>
      api.eraseMember(ctx, on.newcomerMembershipId, { reason: "Asked by letter", removeComments: false }),
  },
  retentionSetting: { allowed: ["admin"], ownOnly: true, run: (ctx) => api.retentionSetting(ctx) },
  setRetention: { allowed: ["admin"], ownOnly: true, run: (ctx) => api.setRetention(ctx, { months: 24 }) },
};
