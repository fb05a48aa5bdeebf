import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { contextFor } from "../auth/context";
import { testDatabase } from "../testing/database";
import { makeOrganisation } from "../testing/fixtures";
import { listSupportResources, reachableSupportResources, updateSupportResource } from "./support";

let database: ReturnType<typeof testDatabase>;
beforeEach(() => {
  database = testDatabase();
});
afterEach(() => database.close());

describe("support resources learners see", () => {
  it("leave out a default still waiting for its contact details, until the admin adds them", () => {
    const { db } = database;
    const { org, admin } = makeOrganisation(db);
    const all = listSupportResources(db, org.id);
    const supervisor = all.find((r) => r.name === "Your supervisor");
    if (!supervisor) throw new Error("the default supervisor resource is missing");
    expect(supervisor.purpose).not.toMatch(/admin/i);
    expect(reachableSupportResources(db, org.id).map((r) => r.name)).toEqual(
      all.filter((r) => r.name !== "Your supervisor").map((r) => r.name),
    );

    updateSupportResource(contextFor(db, admin.actor), supervisor.id, {
      ...supervisor,
      nations: ["uk"],
      populations: ["everyone"],
      phone: "0191 496 0000",
      hours: "",
    });
    expect(reachableSupportResources(db, org.id).map((r) => r.name)).toContain("Your supervisor");

    // Spaces are not a way to reach anyone.
    updateSupportResource(contextFor(db, admin.actor), supervisor.id, {
      ...supervisor,
      nations: ["uk"],
      populations: ["everyone"],
      phone: "   ",
    });
    expect(reachableSupportResources(db, org.id).map((r) => r.name)).not.toContain("Your supervisor");
  });
});
