import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { auditEvents, memberships, organisations, supportResources, users } from "../../db/schema";
import { contextFor, visitFor } from "../auth/context";
import { moduleAccess, navigationFor, requireInOrg } from "../auth/policy";
import { acceptInvitation, signUpWithInvitation } from "../joining/join";
import { InvalidError, NotFoundError } from "../shared/errors";
import { testDatabase } from "../testing/database";
import { makeOrganisation, makeUser } from "../testing/fixtures";
import { createInvitation, lookUpInvitation, revokeInvitation } from "./invitations";
import { removeMember, setMemberRoles } from "./members";
import { actorFor, listMembers, signUpWithOrganisation } from "./service";

const SECRET = "another-test-secret-that-is-long-enough-0123";
let t: ReturnType<typeof testDatabase>;
beforeEach(() => {
  t = testDatabase();
});
afterEach(() => t.close());

describe("organisations", () => {
  it("sign-up makes the person admin of a new organisation with the UK support defaults", async () => {
    const created = await signUpWithOrganisation(
      t.db,
      {
        name: "Dee",
        email: "dee@example.org",
        password: "a long enough password",
        organisationName: "Tyneside Peer Support",
        ip: "192.0.2.1",
      },
      { perHour: 5 },
    );
    if (!created) throw new Error("a new organisation expected");
    const { user, org } = created;
    expect(org.slug).toBe("tyneside-peer-support");
    expect(actorFor(t.db, org.id, user.id)?.roles).toEqual(["admin"]);
    const names = t.db
      .select()
      .from(supportResources)
      .all()
      .map((r) => r.name);
    expect(names).toEqual([
      "Samaritans",
      "Shout",
      "NHS 111, mental health option",
      "Breathing Space",
      "Lifeline",
      "CALM (Campaign Against Living Miserably)",
      "PAPYRUS HOPELINEUK",
      "Childline",
      "Rape Crisis Scotland Helpline",
      "24/7 Rape and Sexual Abuse Support Line",
      "National Domestic Abuse Helpline",
      "DAN 24/7 Wales Drug and Alcohol Helpline",
      "LGBT Foundation helpline",
      "Migrant Help",
      "Combat Stress helpline",
      "NHS 24, 111",
      "Your supervisor",
    ]);
  });

  it("limits how many organisations one address can set up in an hour", { timeout: 60_000 }, async () => {
    const start = new Date("2026-12-01T10:00:00Z");
    const signUp = (n: number, ip: string, at = start) =>
      signUpWithOrganisation(
        t.db,
        {
          name: `Person ${n}`,
          email: `person${n}@example.org`,
          password: "a long enough password",
          organisationName: `Service ${n}`,
          ip,
        },
        { perHour: 2 },
        at,
      );
    await signUp(1, "192.0.2.1");
    await signUp(2, "192.0.2.1", new Date(start.getTime() + 10 * 60 * 1000));
    const third = signUp(3, "192.0.2.1", new Date(start.getTime() + 20 * 60 * 1000));
    await expect(third).rejects.toThrow(InvalidError);
    await expect(third).rejects.toThrow(/Please try again in an hour/);
    // Nothing was made for the refused one.
    expect(t.db.select().from(organisations).all()).toHaveLength(2);
    // Another address is not affected, and an hour after the first, that address may again.
    await signUp(4, "192.0.2.2", new Date(start.getTime() + 20 * 60 * 1000));
    await signUp(5, "192.0.2.1", new Date(start.getTime() + 61 * 60 * 1000));
    expect(t.db.select().from(organisations).all()).toHaveLength(4);
  });

  it("sign-up with an email that already has an account sets up nothing, and answers as for a new one", {
    timeout: 60_000,
  }, async () => {
    const existing = makeUser(t.db, "Already Here");
    const before = t.db.select().from(users).all();
    const result = await signUpWithOrganisation(
      t.db,
      {
        name: "Someone Else",
        email: existing.email,
        password: "a long enough password",
        organisationName: "Not Made",
        ip: "192.0.2.9",
      },
      { perHour: 5 },
    );
    expect(result).toBeNull();
    expect(t.db.select().from(organisations).all()).toHaveLength(0);
    expect(t.db.select().from(users).all()).toEqual(before);
    // Recorded for the owner, whom a notice can reach once the app sends email.
    const recorded = t.db.select().from(auditEvents).where(eq(auditEvents.action, "signup.email_in_use")).all();
    expect(recorded).toMatchObject([{ targetType: "user", targetId: existing.id, ip: "192.0.2.9" }]);
  });

  it("every way of setting a password refuses an easily guessed one, on the password field", {
    timeout: 60_000,
  }, async () => {
    const refusal = async (attempt: Promise<unknown>) => {
      const error = await attempt.then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(InvalidError);
      return { field: (error as InvalidError).field, message: (error as InvalidError).message };
    };
    const signUp = (password: string) =>
      signUpWithOrganisation(
        t.db,
        { name: "Dee", email: "dee.dee@example.org", password, organisationName: "Dee's", ip: "192.0.2.3" },
        { perHour: 5 },
      );
    expect(await refusal(signUp("password1"))).toEqual({
      field: "password",
      message: expect.stringMatching(/most common/),
    });
    expect(await refusal(signUp("zzzzzzzzzz"))).toEqual({
      field: "password",
      message: expect.stringMatching(/same character/),
    });
    expect(await refusal(signUp("dee.dee@example.org"))).toEqual({
      field: "password",
      message: expect.stringMatching(/email address/),
    });
    expect(t.db.select().from(organisations).all()).toHaveLength(0);

    const { admin } = makeOrganisation(t.db);
    const invitation = createInvitation(
      t.db,
      SECRET,
      admin.actor,
      { label: "", roles: ["learner"], expiresInDays: 7, maxUses: 1 },
      new Date(),
    );
    const join = signUpWithInvitation(visitFor(t.db, null), SECRET, invitation.token, {
      name: "Ash",
      email: "ash.green@example.org",
      password: "ash.green2026",
    });
    expect(await refusal(join)).toEqual({ field: "password", message: expect.stringMatching(/email address/) });
    // The invitation was not used up by the refused attempt.
    expect(lookUpInvitation(t.db, SECRET, invitation.token)).toMatchObject({ ok: true });
  });

  it("roles are per membership, and the last admin cannot be removed or demoted", () => {
    const { org, admin, member } = makeOrganisation(t.db);
    const { user } = member(["learner"]);
    const membership = listMembers(t.db, org.id).find((m) => m.userId === user.id);
    if (!membership) throw new Error("member expected");
    setMemberRoles(contextFor(t.db, admin.actor), membership.membershipId, ["trainer", "learner"]);
    expect(actorFor(t.db, org.id, user.id)?.roles).toEqual(["trainer", "learner"]);
    expect(() => setMemberRoles(contextFor(t.db, admin.actor), admin.actor.membershipId, ["trainer"])).toThrow(
      InvalidError,
    );
    expect(() => removeMember(contextFor(t.db, admin.actor), admin.actor.membershipId)).toThrow(InvalidError);
    removeMember(contextFor(t.db, admin.actor), membership.membershipId);
    expect(actorFor(t.db, org.id, user.id)).toBeNull();
  });

  it("another organisation's member answers not found", () => {
    const a = makeOrganisation(t.db, "A");
    const b = makeOrganisation(t.db, "B");
    const { user } = b.member(["learner"]);
    const row = t.db
      .select()
      .from(memberships)
      .all()
      .find((m) => m.userId === user.id);
    if (!row) throw new Error("membership expected");
    expect(() => removeMember(contextFor(t.db, a.admin.actor), row.id)).toThrow(NotFoundError);
    expect(() => setMemberRoles(contextFor(t.db, a.admin.actor), row.id, ["admin"])).toThrow(NotFoundError);
  });
});

describe("invitations", () => {
  it("carry roles and a number of uses; used up, expired and revoked ones are refused plainly", () => {
    const { org, admin } = makeOrganisation(t.db);
    const now = new Date();
    const once = createInvitation(
      t.db,
      SECRET,
      admin.actor,
      { label: "", roles: ["trainer"], expiresInDays: 7, maxUses: 1 },
      now,
    );
    const first = makeUser(t.db, "First");
    acceptInvitation(visitFor(t.db, first.id, now), SECRET, once.token);
    expect(actorFor(t.db, org.id, first.id)?.roles).toEqual(["trainer"]);
    const second = makeUser(t.db, "Second");
    expect(() => acceptInvitation(visitFor(t.db, second.id, now), SECRET, once.token)).toThrow(/already been used/);

    const later = createInvitation(
      t.db,
      SECRET,
      admin.actor,
      { label: "", roles: ["learner"], expiresInDays: 1, maxUses: 5 },
      now,
    );
    const tomorrowAndABit = new Date(now.getTime() + 25 * 60 * 60 * 1000);
    expect(lookUpInvitation(t.db, SECRET, later.token, tomorrowAndABit)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/expired/),
    });

    revokeInvitation(contextFor(t.db, admin.actor, now), later.id);
    expect(lookUpInvitation(t.db, SECRET, later.token, now)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/withdrawn/),
    });
    expect(lookUpInvitation(t.db, SECRET, "not-a-real-token-at-all-xxxxxxxx", now)).toMatchObject({ ok: false });
  });
});

describe("policy", () => {
  it("shows each role its own areas", () => {
    expect(navigationFor({ roles: ["learner"] }, { collaborator: false }).map((n) => n.to)).toEqual(["/learn"]);
    expect(navigationFor({ roles: ["admin", "trainer"] }, { collaborator: false }).map((n) => n.to)).toEqual([
      "/courses",
      "/cohorts",
      "/organisation",
    ]);
    expect(navigationFor({ roles: ["co_designer"] }, { collaborator: false }).map((n) => n.to)).toEqual(["/workshop"]);
  });

  it("objects of another organisation are not found", () => {
    expect(() => requireInOrg({ orgId: "a" }, { orgId: "b" })).toThrow(NotFoundError);
    expect(requireInOrg({ orgId: "a" }, { orgId: "a", x: 1 })).toEqual({ orgId: "a", x: 1 });
  });

  it("module access follows the collaborator role; archived modules are read-only", () => {
    const actor = { orgId: "o", roles: ["co_designer"] as const };
    const draft = { orgId: "o", status: "draft" };
    expect(moduleAccess(actor, draft, "co_designer")).toEqual({
      view: true,
      edit: true,
      comment: true,
      facilitate: false,
    });
    expect(moduleAccess(actor, draft, "reviewer")).toEqual({
      view: true,
      edit: false,
      comment: true,
      facilitate: false,
    });
    expect(moduleAccess(actor, draft, null).view).toBe(false);
    expect(moduleAccess(actor, { orgId: "other", status: "draft" }, "co_designer").view).toBe(false);
    expect(moduleAccess(actor, { orgId: "o", status: "archived" }, "co_designer")).toMatchObject({
      edit: false,
      comment: false,
    });
    const facilitator = { orgId: "o", roles: ["facilitator"] as const };
    expect(moduleAccess(facilitator, draft, null)).toEqual({
      view: true,
      edit: false,
      comment: false,
      facilitate: true,
    });
  });
});
