import { describe, expect, it } from "vitest";
import { mutualImports, tableWriters } from "../testing/house";

/** The co-production features, and the collaboration server beneath them. */
const FEATURES = ["workshop", "comments", "review", "history", "credits", "publishing", "activity", "collaboration"];

describe("the co-production features", () => {
  it("import one another one way only", () => {
    const involved = mutualImports().filter(([a, b]) => FEATURES.includes(a) || FEATURES.includes(b));
    expect(involved).toEqual([]);
  });

  it("leave the modules and their collaborators to the workshop to write", () => {
    const writers = tableWriters();
    expect([...(writers.get("modules") ?? [])]).toEqual(["workshop"]);
    expect([...(writers.get("moduleCollaborators") ?? [])]).toEqual(["workshop"]);
  });
});
