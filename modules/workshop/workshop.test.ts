import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { contextFor } from "../auth/context";
import { type Actor, homeFor, navigationFor } from "../auth/policy";
import { actorFor, addMembership } from "../organisations/service";
import { ForbiddenError } from "../shared/errors";
import { testDatabase } from "../testing/database";
import { makeOrganisation } from "../testing/fixtures";
import { removeCollaborator, setCollaborator } from "./collaborators";
import { createModule, listModules, openWorkshop, standingOf } from "./service";

let database: ReturnType<typeof testDatabase>;
beforeEach(() => {
  database = testDatabase();
});
afterEach(() => database.close());

function organisationWithModules() {
  const { db } = database;
  const org = makeOrganisation(db);
  const fran = org.member(["facilitator"], "Fran Mills");
  const alex = org.member(["learner"], "Alex Morgan");
  const module = (title: string) =>
    createModule(db, {
      orgId: org.org.id,
      createdBy: fran.user.id,
      title,
      topic: "boundaries",
      customTopic: "",
      summary: "",
      estimatedMinutes: 10,
    }).id;
  return { db, org, fran, alex, first: module("Saying no kindly"), second: module("Rest") };
}

describe("the Workshop follows what a person can do", () => {
  it("a learner made co-designer of a module gets the Workshop, listing the modules they work on", () => {
    const { db, fran, alex, first } = organisationWithModules();
    expect(navigationFor(alex.actor, standingOf(db, alex.actor)).map((n) => n.to)).toEqual(["/learn"]);
    expect(() => openWorkshop(db, alex.actor)).toThrow(ForbiddenError);

    setCollaborator(contextFor(db, fran.actor), first, alex.user.id, "co_designer");
    expect(navigationFor(alex.actor, standingOf(db, alex.actor)).map((n) => n.to)).toEqual(["/learn", "/workshop"]);
    expect(() => openWorkshop(db, alex.actor)).not.toThrow();
    expect(listModules(contextFor(db, alex.actor), {}).modules.map((m) => [m.title, m.myRole])).toEqual([
      ["Saying no kindly", "co_designer"],
    ]);
    // Their start page stays their own learning.
    expect(homeFor(alex.actor, standingOf(db, alex.actor))).toBe("/learn");

    // Taken off the module, the Workshop goes again.
    removeCollaborator(contextFor(db, fran.actor), first, alex.user.id);
    expect(navigationFor(alex.actor, standingOf(db, alex.actor)).map((n) => n.to)).toEqual(["/learn"]);
    expect(() => openWorkshop(db, alex.actor)).toThrow(ForbiddenError);
  });

  it("someone on a module with no role at all starts in the Workshop", () => {
    const { db, org, fran, second } = organisationWithModules();
    const sam = org.member([], "Sam Taylor");
    expect(homeFor(sam.actor, standingOf(db, sam.actor))).toBe("/account");
    setCollaborator(contextFor(db, fran.actor), second, sam.user.id, "reviewer");
    expect(homeFor(sam.actor, standingOf(db, sam.actor))).toBe("/workshop");
  });

  it("a module in another organisation opens nothing here", () => {
    const { db, org } = organisationWithModules();
    const other = makeOrganisation(db, "Another Peer Service");
    const robin = other.member(["learner"], "Robin Hart");
    const theirs = other.member(["facilitator"], "Their facilitator");
    const module = createModule(db, {
      orgId: other.org.id,
      createdBy: theirs.user.id,
      title: "Theirs",
      topic: "boundaries",
      customTopic: "",
      summary: "",
      estimatedMinutes: 10,
    }).id;
    setCollaborator(contextFor(db, theirs.actor), module, robin.user.id, "co_designer");
    addMembership(db, org.org.id, robin.user.id, ["learner"], new Date());
    const here = actorFor(db, org.org.id, robin.user.id) as Actor;

    expect(standingOf(db, robin.actor).collaborator).toBe(true);
    expect(standingOf(db, here).collaborator).toBe(false);
    expect(navigationFor(here, standingOf(db, here)).map((n) => n.to)).toEqual(["/learn"]);
  });
});
