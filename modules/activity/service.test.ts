import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { contextFor } from "../auth/context";
import { testDatabase } from "../testing/database";
import { doc, p, text } from "../testing/documents";
import { makeOrganisation } from "../testing/fixtures";
import { setCollaborator } from "../workshop/collaborators";
import { createModule } from "../workshop/service";
import { moduleActivity } from "./service";

let database: ReturnType<typeof testDatabase>;
beforeEach(() => {
  database = testDatabase();
});
afterEach(() => database.close());

describe("moduleActivity", () => {
  it("says who was added in which role in plain words, with its article", () => {
    const { db } = database;
    const org = makeOrganisation(db);
    const fran = org.member(["facilitator"], "Fran Mills");
    const people = {
      co_designer: org.member(["co_designer"], "Jordan Lee"),
      reviewer: org.member(["co_designer"], "Priya Shah"),
      facilitator: org.member(["facilitator"], "Sam Taylor"),
    };
    const { id } = createModule(db, {
      orgId: org.org.id,
      createdBy: fran.user.id,
      title: "Saying no kindly",
      topic: "boundaries",
      customTopic: "",
      summary: "",
      estimatedMinutes: 10,
      doc: doc(p(text("A clear no can be kind."))),
    });
    const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 10, minute));
    setCollaborator(contextFor(db, fran.actor, at(1)), id, people.co_designer.user.id, "co_designer");
    setCollaborator(contextFor(db, fran.actor, at(2)), id, people.reviewer.user.id, "reviewer");
    setCollaborator(contextFor(db, fran.actor, at(3)), id, people.facilitator.user.id, "facilitator");

    const added = moduleActivity(contextFor(db, fran.actor), id)
      .map((item) => item.what)
      .filter((what) => what.startsWith("added "));
    expect(added).toEqual([
      "added Sam Taylor as a facilitator",
      "added Priya Shah as a reviewer",
      "added Jordan Lee as a co-designer",
    ]);
  });
});
