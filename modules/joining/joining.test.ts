import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { contextFor, visitFor } from "../auth/context";
import type { DomainEvent } from "../events/bus";
import { createInvitation } from "../organisations/invitations";
import { removeMember } from "../organisations/members";
import { actorFor } from "../organisations/service";
import { ForbiddenError } from "../shared/errors";
import { testDatabase } from "../testing/database";
import { makeOrganisation, makeUser } from "../testing/fixtures";
import { acceptInvitation, invitationPage } from "./join";

const SECRET = "a-secret-for-joining-tests-that-is-long-enough";
let t: ReturnType<typeof testDatabase>;
beforeEach(() => {
  t = testDatabase();
});
afterEach(() => t.close());

function told() {
  const events: DomainEvent[] = [];
  return { events, sink: { emit: (e: DomainEvent) => events.push(e) } };
}

function link(admin: Parameters<typeof createInvitation>[2], roles: ("learner" | "co_designer")[]) {
  return createInvitation(t.db, SECRET, admin, { label: "", roles, expiresInDays: 7, maxUses: 5 }).token;
}

describe("joining through a link", () => {
  it("lets someone signed in who belongs to no organisation any more join again", () => {
    const { org, admin, member } = makeOrganisation(t.db);
    const { user, actor } = member(["learner"], "Robin Former");
    removeMember(contextFor(t.db, admin.actor), actor.membershipId);
    expect(actorFor(t.db, org.id, user.id)).toBeNull();

    const token = link(admin.actor, ["learner"]);
    expect(invitationPage(visitFor(t.db, user.id), SECRET, token)).toMatchObject({ ok: true, forThisAccount: true });
    expect(acceptInvitation(visitFor(t.db, user.id), SECRET, token)).toEqual({ orgId: org.id });
    expect(actorFor(t.db, org.id, user.id)?.roles).toEqual(["learner"]);
  });

  it("asks someone not signed in to log in before accepting", () => {
    const { admin } = makeOrganisation(t.db);
    expect(() => acceptInvitation(visitFor(t.db, null), SECRET, link(admin.actor, ["learner"]))).toThrow(
      ForbiddenError,
    );
  });

  it("says a link of the wrong shape is not valid, before looking anything up", () => {
    for (const token of ["too-short", "x".repeat(101), "has spaces in it and is long enough"]) {
      expect(invitationPage(visitFor(t.db, null), SECRET, token)).toEqual({
        ok: false,
        message: "This invitation link is not valid. Check that you copied all of it.",
      });
    }
  });

  it("tells of a member's access changing when the invitation gives them a new role, and of nothing otherwise", () => {
    const { org, admin, member } = makeOrganisation(t.db);
    const { user } = member(["learner"], "Sky Member");

    const same = told();
    acceptInvitation(visitFor(t.db, user.id, new Date(), same.sink), SECRET, link(admin.actor, ["learner"]));
    expect(same.events).toEqual([]);

    const more = told();
    acceptInvitation(visitFor(t.db, user.id, new Date(), more.sink), SECRET, link(admin.actor, ["co_designer"]));
    expect(more.events).toEqual([
      { type: "membership.roles_changed", orgId: org.id, userId: user.id, roles: ["co_designer", "learner"] },
    ]);

    // A newcomer had no access to change: joining is not told as a change.
    const newcomer = makeUser(t.db, "New Person");
    const first = told();
    acceptInvitation(visitFor(t.db, newcomer.id, new Date(), first.sink), SECRET, link(admin.actor, ["learner"]));
    expect(first.events).toEqual([]);
  });
});
