import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { emailOutbox, invitations, users } from "../../db/schema";
import { contextFor, visitFor } from "../auth/context";
import { importLearnerList } from "../cohorts/invite";
import { cohortInviteeList, cohortMemberList, createCohort } from "../cohorts/service";
import { acceptInvitation, signUpWithInvitation } from "../joining/join";
import { InvalidError } from "../shared/errors";
import { testDatabase } from "../testing/database";
import { makeOrganisation, makeUser } from "../testing/fixtures";
import { createInvitation, invite, listInvitations, lookUpInvitation } from "./invitations";
import { actorFor } from "./service";

const SECRET = "a-test-secret-for-personal-invitations-0123456";
let t: ReturnType<typeof testDatabase>;
beforeEach(() => {
  t = testDatabase();
});
afterEach(() => t.close());

const account = (email: string, name = "Someone New") => ({ name, email, password: "calm harbour 1234" });

function refusal(run: () => unknown): InvalidError {
  try {
    run();
  } catch (error) {
    if (error instanceof InvalidError) return error;
    throw error;
  }
  throw new Error("expected the invitation to be refused");
}

async function asyncRefusal(run: () => Promise<unknown>): Promise<InvalidError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof InvalidError) return error;
    throw error;
  }
  throw new Error("expected the invitation to be refused");
}

describe("personal invitations", () => {
  it("are emailed to the person in the same transaction, and the admins' list leads to that email", () => {
    const { org, admin } = makeOrganisation(t.db);
    const ctx = contextFor(t.db, admin.actor, new Date("2026-12-01T10:00:00Z"));
    const personal = invite(ctx, SECRET, {
      label: "Jo",
      roles: ["co_designer", "learner"],
      expiresInDays: 7,
      maxUses: 5,
      email: "Jo.Bloggs@Example.org",
    });
    invite(ctx, SECRET, { label: "Anyone", roles: ["learner"], expiresInDays: 7, maxUses: 5, email: null });
    const emails = t.db.select().from(emailOutbox).all();
    // A link anyone can use has no one to send it to.
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({
      orgId: org.id,
      kind: "invitation",
      toAddress: "jo.bloggs@example.org",
      ref: personal.id,
      status: "waiting",
    });
    expect(emails[0]?.params).toMatchObject({
      token: personal.token,
      orgName: org.name,
      inviterName: admin.actor.name,
      roles: "Co-designer, Learner",
      expiresOn: "8 December 2026",
    });
    expect(Object.fromEntries(listInvitations(ctx).map((i) => [i.label, i.emailId]))).toEqual({
      Jo: emails[0]?.id,
      Anyone: null,
    });
  });

  it("send no email when the invitation is not made", () => {
    const { admin } = makeOrganisation(t.db);
    expect(() =>
      t.db.transaction((tx) => {
        createInvitation(tx, SECRET, admin.actor, {
          label: "Jo",
          roles: ["learner"],
          expiresInDays: 7,
          maxUses: 1,
          email: "jo@example.org",
        });
        throw new Error("something after it failed");
      }),
    ).toThrow("something after it failed");
    expect(t.db.select().from(emailOutbox).all()).toEqual([]);
  });

  it("can be used only by signing up with the email they were made for, in any letter case", async () => {
    const { org, admin } = makeOrganisation(t.db);
    const personal = createInvitation(t.db, SECRET, admin.actor, {
      label: "Jo",
      roles: ["co_designer"],
      expiresInDays: 7,
      maxUses: 1,
      email: "Jo.Bloggs@Example.org",
    });

    const refused = await asyncRefusal(() =>
      signUpWithInvitation(visitFor(t.db, null), SECRET, personal.token, account("someone.else@example.org")),
    );
    expect(refused.field).toBe("email");
    expect(refused.message).toBe(
      "This invitation was made for one person, and sent to a different email address. Sign up with the address it was sent to, or ask the person who sent it for a link of your own.",
    );
    // Nothing happened: no account, no use of the invitation.
    expect(t.db.select().from(users).where(eq(users.email, "someone.else@example.org")).all()).toEqual([]);
    expect(lookUpInvitation(t.db, SECRET, personal.token)).toMatchObject({ ok: true });

    const joined = await signUpWithInvitation(
      visitFor(t.db, null),
      SECRET,
      personal.token,
      account("jo.bloggs@example.org", "Jo"),
    );
    expect(actorFor(t.db, org.id, joined.user.id)?.roles).toEqual(["co_designer"]);
  });

  it("refuse someone signed in with another email, and welcome the person they were made for", () => {
    const { org, admin } = makeOrganisation(t.db);
    const other = makeUser(t.db, "Other Person");
    const jo = makeUser(t.db, "Jo Bloggs");
    const personal = createInvitation(t.db, SECRET, admin.actor, {
      label: "",
      roles: ["trainer"],
      expiresInDays: 7,
      maxUses: 1,
      email: jo.email.toUpperCase(),
    });

    const refused = refusal(() => acceptInvitation(visitFor(t.db, other.id), SECRET, personal.token));
    expect(refused.field).toBe("form");
    expect(refused.message).toMatch(/^This invitation was made for one person, and sent to a different email address/);
    expect(actorFor(t.db, org.id, other.id)).toBeNull();

    acceptInvitation(visitFor(t.db, jo.id), SECRET, personal.token);
    expect(actorFor(t.db, org.id, jo.id)?.roles).toEqual(["trainer"]);
  });

  it("are for one use, whatever number of uses was asked for", () => {
    const { admin } = makeOrganisation(t.db);
    const personal = createInvitation(t.db, SECRET, admin.actor, {
      label: "",
      roles: ["learner"],
      expiresInDays: 7,
      maxUses: 20,
      email: "ann@example.org",
    });
    const stored = t.db.select().from(invitations).where(eq(invitations.id, personal.id)).get();
    expect(stored).toMatchObject({ maxUses: 1, email: "ann@example.org" });
    expect(listInvitations(contextFor(t.db, admin.actor))).toMatchObject([
      { id: personal.id, email: "ann@example.org" },
    ]);
  });

  it("made from a learner list keep the cohort's place for that person only", async () => {
    const { org, member } = makeOrganisation(t.db);
    const trainer = contextFor(t.db, member(["trainer"], "Sam Taylor").actor);
    const cohort = createCohort(trainer, {
      name: "Spring group",
      description: "",
      startsOn: "2027-01-04",
      endsOn: null,
    });
    importLearnerList(trainer, cohort.id, "name,email\nBen Ode,ben@example.org\n", { secret: SECRET });
    // The link travels in the email queued for Ben.
    const token =
      t.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, "ben@example.org")).get()?.params.token ?? "";
    expect(token).not.toBe("");

    await asyncRefusal(() =>
      signUpWithInvitation(visitFor(t.db, null), SECRET, token, account("mallory@example.org", "Ben Ode")),
    );
    expect(cohortMemberList(t.db, org.id, cohort.id)).toEqual([]);
    expect(cohortInviteeList(t.db, org.id, cohort.id).map((i) => i.email)).toEqual(["ben@example.org"]);

    const ben = await signUpWithInvitation(visitFor(t.db, null), SECRET, token, account("ben@example.org", "Ben Ode"));
    expect(actorFor(t.db, org.id, ben.user.id)?.roles).toEqual(["learner"]);
    expect(cohortMemberList(t.db, org.id, cohort.id).map((m) => m.name)).toEqual(["Ben Ode"]);
    expect(cohortInviteeList(t.db, org.id, cohort.id)).toEqual([]);
  });
});

describe("links anyone can use", () => {
  it("let in whoever has them, up to their number of uses", async () => {
    const { org, admin } = makeOrganisation(t.db);
    const link = createInvitation(t.db, SECRET, admin.actor, {
      label: "Spring intake",
      roles: ["learner"],
      expiresInDays: 7,
      maxUses: 2,
    });
    const ann = await signUpWithInvitation(visitFor(t.db, null), SECRET, link.token, account("ann@example.org", "Ann"));
    const ben = await signUpWithInvitation(visitFor(t.db, null), SECRET, link.token, account("ben@example.org", "Ben"));
    expect(actorFor(t.db, org.id, ann.user.id)?.roles).toEqual(["learner"]);
    expect(actorFor(t.db, org.id, ben.user.id)?.roles).toEqual(["learner"]);
    expect(listInvitations(contextFor(t.db, admin.actor))).toMatchObject([
      { id: link.id, email: null, uses: 2, state: "used_up" },
    ]);
  });
});
