import { describe, expect, it } from "vitest";
import { featureOf, importsOf, sources, tableWriters } from "../testing/house";

const production = sources(["modules"]).filter((s) => !/\.test\.tsx?$/.test(s.file));

describe("what organisations owns and what it leans on", () => {
  it("never imports cohorts: joining, which needs both, sits above them", () => {
    const imported = production
      .filter((s) => featureOf(s.file) === "organisations")
      .flatMap((s) => importsOf(s).map((target) => `${s.file} imports ${target}`))
      .filter((line) => line.includes("modules/cohorts/"));
    expect(imported).toEqual([]);
  });

  it("leaves sessions to accounts and a cohort's invitees to cohorts", () => {
    const writers = tableWriters(production);
    expect([...(writers.get("sessions") ?? [])]).toEqual(["accounts"]);
    expect([...(writers.get("cohortInvitees") ?? [])]).toEqual(["cohorts"]);
  });

  it("is the only writer of its own tables", () => {
    const writers = tableWriters(production);
    for (const table of ["organisations", "memberships", "membershipRoles", "invitations", "supportResources"]) {
      expect([...(writers.get(table) ?? [])], table).toEqual(["organisations"]);
    }
  });
});
