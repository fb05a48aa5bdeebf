import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { contextFor } from "../auth/context";
import type { DomainEvent } from "../events/bus";
import { InvalidError } from "../shared/errors";
import { testDatabase } from "../testing/database";
import { makeOrganisation } from "../testing/fixtures";
import { removeCollaborator, setCollaborator } from "./collaborators";
import { createModule, setArchived } from "./service";

let database: ReturnType<typeof testDatabase>;
beforeEach(() => {
  database = testDatabase();
});
afterEach(() => database.close());

/** A facilitator's module, a member to put on it, and what the facilitator's changes tell. */
function moduleAndMember() {
  const { db } = database;
  const org = makeOrganisation(db);
  const fran = org.member(["facilitator"], "Fran Mills");
  const jordan = org.member(["co_designer"], "Jordan Lee");
  const { id: moduleId } = createModule(db, {
    orgId: org.org.id,
    createdBy: fran.user.id,
    title: "Saying no kindly",
    topic: "boundaries",
    customTopic: "",
    summary: "",
    estimatedMinutes: 10,
  });
  const told: DomainEvent[] = [];
  const ctx = contextFor(db, fran.actor, new Date(), { emit: (event) => told.push(event) });
  return { ctx, moduleId, jordan, told, outsider: makeOrganisation(db, "Another service").member(["learner"]) };
}

describe("changes to who may open a module are told once they are saved", () => {
  it("adding, changing the role of and removing a collaborator each tell it; the same role again tells nothing", () => {
    const { ctx, moduleId, jordan, told } = moduleAndMember();
    const userId = jordan.user.id;
    setCollaborator(ctx, moduleId, userId, "co_designer");
    setCollaborator(ctx, moduleId, userId, "co_designer");
    setCollaborator(ctx, moduleId, userId, "reviewer");
    removeCollaborator(ctx, moduleId, userId);
    setCollaborator(ctx, moduleId, userId, "reviewer");
    expect(told).toEqual([
      { type: "collaborator.added", moduleId, userId, role: "co_designer" },
      { type: "collaborator.changed", moduleId, userId, role: "reviewer" },
      { type: "collaborator.removed", moduleId, userId },
      { type: "collaborator.added", moduleId, userId, role: "reviewer" },
    ]);
  });

  it("archiving and bringing a module back tell it; archiving an archived module tells nothing", () => {
    const { ctx, moduleId, told } = moduleAndMember();
    setArchived(ctx, moduleId, true);
    setArchived(ctx, moduleId, true);
    setArchived(ctx, moduleId, false);
    setArchived(ctx, moduleId, false);
    expect(told).toEqual([
      { type: "module.archived", moduleId },
      { type: "module.restored", moduleId },
    ]);
  });

  it("a refused change tells nothing", () => {
    const { ctx, moduleId, jordan, outsider, told } = moduleAndMember();
    expect(() => setCollaborator(ctx, moduleId, outsider.user.id, "co_designer")).toThrow(InvalidError);
    expect(() => removeCollaborator(ctx, moduleId, jordan.user.id)).toThrow("That collaborator could not be found.");
    expect(told).toEqual([]);
  });
});
