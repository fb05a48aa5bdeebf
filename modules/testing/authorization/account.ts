import { eq } from "drizzle-orm";
import { users } from "../../../db/schema";
import * as api from "../../account/index";
import { recordEmailChange } from "../../accounts/email-changes";
import { recordResetRequest } from "../../accounts/password-resets";
import { hashPassword } from "../../accounts/passwords";
import { createSession } from "../../accounts/sessions";
import { type Context, visitFor } from "../../auth/context";
import { type CasesFor, EVERYONE } from "./cases";
import { SECRET } from "./world";

/** The person signed in, as the account pages see them. */
const visitOf = (ctx: Context) => visitFor(ctx.db, ctx.actor.userId, ctx.now, ctx.events);

const PASSWORD = "quiet meadow lantern 2718";
let hashed: Promise<string> | undefined;
/** Gives the caller a password they know (the world's people have none); the test rolls it back. */
async function knownPassword(ctx: Context) {
  hashed ??= hashPassword(PASSWORD);
  ctx.db
    .update(users)
    .set({ passwordHash: await hashed })
    .where(eq(users.id, ctx.actor.userId))
    .run();
  return ctx.db.select({ email: users.email }).from(users).where(eq(users.id, ctx.actor.userId)).get()?.email ?? "";
}

const emailOf = (ctx: Context) =>
  ctx.db.select({ email: users.email }).from(users).where(eq(users.id, ctx.actor.userId)).get()?.email ?? "";

/** A reset link for the caller's own account, as their email would carry it. */
function resetToken(ctx: Context) {
  const found = recordResetRequest(ctx.db, SECRET, emailOf(ctx), null, ctx.now);
  if (!found) throw new Error("no reset link made");
  return found.token;
}

/**
 * A person's own account is theirs whatever their roles: every row acts on the caller alone, except
 * switching organisation, which names one and is refused for an organisation they do not belong to.
 */
export const cases: CasesFor<typeof api> = {
  logIn: {
    allowed: EVERYONE,
    ownOnly: true,
    run: async (ctx) => {
      const email = await knownPassword(ctx);
      const result = await api.logIn(visitOf(ctx), { email, password: PASSWORD }, { ip: "192.0.2.1" });
      if (!result.ok || result.orgId !== ctx.actor.orgId) throw new Error("did not log in to their organisation");
    },
  },
  loggedOut: { allowed: EVERYONE, ownOnly: true, run: (ctx) => api.loggedOut(visitOf(ctx), { ip: null }) },
  signUp: {
    allowed: EVERYONE,
    ownOnly: true,
    run: (ctx) =>
      api.signUp(
        visitFor(ctx.db, null, ctx.now),
        { name: "New Admin", email: "new.admin@example.org", password: PASSWORD, organisationName: "New service" },
        { ip: "192.0.2.2", perHour: 100 },
      ),
  },
  myOrganisations: {
    allowed: EVERYONE,
    ownOnly: true,
    run: (ctx) => {
      if (!api.myOrganisations(visitOf(ctx)).some((o) => o.id === ctx.actor.orgId)) throw new Error("own missing");
    },
  },
  renameMe: { allowed: EVERYONE, ownOnly: true, run: (ctx) => api.renameMe(visitOf(ctx), { name: "Another Name" }) },
  myIntroduction: { allowed: EVERYONE, ownOnly: true, run: (ctx) => api.myIntroduction(visitOf(ctx)) },
  introduceMe: {
    allowed: EVERYONE,
    ownOnly: true,
    run: (ctx) => api.introduceMe(visitOf(ctx), { pronouns: "they/them", livedExperience: "In recovery since 2019." }),
  },
  changeMyPassword: {
    allowed: EVERYONE,
    ownOnly: true,
    run: async (ctx) => {
      await knownPassword(ctx);
      await api.changeMyPassword(visitOf(ctx), "no-such-session", {
        currentPassword: PASSWORD,
        newPassword: "steady river compass 3141",
      });
    },
  },
  mySessions: { allowed: EVERYONE, ownOnly: true, run: (ctx) => api.mySessions(visitOf(ctx), "no-such-session") },
  endMyOtherSessions: {
    allowed: EVERYONE,
    ownOnly: true,
    run: (ctx) => api.endMyOtherSessions(visitOf(ctx), "no-such-session", { ip: null }),
  },
  endMySession: {
    allowed: EVERYONE,
    ownOnly: true,
    run: (ctx) => {
      const token = createSession(
        ctx.db,
        "a-secret-for-the-authorization-test",
        ctx.actor.userId,
        ctx.actor.orgId,
        ctx.now,
      );
      const [own] = api.mySessions(visitOf(ctx), "no-such-session");
      if (!own || !token) throw new Error("own session missing");
      api.endMySession(visitOf(ctx), { sessionId: own.id }, { ip: null });
    },
  },
  requestPasswordReset: {
    allowed: EVERYONE,
    ownOnly: true,
    run: (ctx) =>
      api.requestPasswordReset(visitFor(ctx.db, null, ctx.now), SECRET, { email: emailOf(ctx) }, { ip: null }),
  },
  passwordResetPage: {
    allowed: EVERYONE,
    ownOnly: true,
    run: (ctx) => {
      const page = api.passwordResetPage(visitFor(ctx.db, null, ctx.now), SECRET, resetToken(ctx));
      if (!page.ok) throw new Error(page.message);
    },
  },
  resetForgottenPassword: {
    allowed: EVERYONE,
    ownOnly: true,
    run: (ctx) =>
      api.resetForgottenPassword(
        visitFor(ctx.db, null, ctx.now),
        SECRET,
        resetToken(ctx),
        { newPassword: "steady river compass 3141" },
        { sessionId: null, ip: null },
      ),
  },
  requestEmailChange: {
    allowed: EVERYONE,
    ownOnly: true,
    run: async (ctx) => {
      await knownPassword(ctx);
      await api.requestEmailChange(visitOf(ctx), SECRET, {
        newEmail: `moved.${ctx.actor.userId.toLowerCase()}@example.org`,
        currentPassword: PASSWORD,
      });
    },
  },
  emailChangePage: {
    allowed: EVERYONE,
    ownOnly: true,
    run: (ctx) => {
      const token = recordEmailChange(ctx.db, SECRET, { id: ctx.actor.userId }, "changing@example.org", ctx.now);
      const page = api.emailChangePage(visitFor(ctx.db, null, ctx.now), SECRET, token);
      if (!page.ok) throw new Error(page.message);
    },
  },
  confirmEmailChange: {
    allowed: EVERYONE,
    ownOnly: true,
    run: (ctx) => {
      const token = recordEmailChange(ctx.db, SECRET, { id: ctx.actor.userId }, "changed@example.org", ctx.now);
      api.confirmEmailChange(visitFor(ctx.db, null, ctx.now), SECRET, token);
    },
  },
  switchOrganisation: {
    allowed: EVERYONE,
    run: (ctx, on) => api.switchOrganisation(visitOf(ctx), "no-such-session", { orgId: on.orgId }),
  },
};
