import { describe, expect, it } from "vitest";
import { tableWriters } from "../testing/house";

/**
 * One owner per table (ADR 15): a single-module assignment wraps the module in a course through the
 * courses feature, and moving a cohort to a new version moves enrolments through learning.
 */
describe("tables cohorts works with but does not own", () => {
  const writers = tableWriters();
  const of = (table: string) => [...(writers.get(table) ?? [])].sort();

  it("leaves courses and their versions to the courses feature", () => {
    expect(of("courses")).toEqual(["courses"]);
    expect(of("courseVersions")).toEqual(["courses"]);
  });

  it("leaves enrolments to learning", () => {
    expect(of("enrolments")).toEqual(["learning"]);
  });
});
