import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { enrolments, users } from "../../db/schema";
import { listAssignments } from "../cohorts/assignments";
import { cohortDashboard } from "../cohorts/dashboard";
import { cohortFacilitatorsOf, cohortsOf } from "../cohorts/service";
import { getOrganisationBySlug } from "../organisations/service";
import { testDatabase } from "../testing/database";
import { DEMO_ORG_SLUG, seedDemo } from "./seed";

let database: ReturnType<typeof testDatabase>;
beforeEach(() => {
  database = testDatabase();
});
afterEach(() => database.close());

const NOW = new Date("2026-11-26T12:00:00Z");

describe("the demo seed", () => {
  it("gives the trainer a cohort with real, derived progress to follow", async () => {
    const { db } = database;
    await seedDemo(db, NOW);
    const org = getOrganisationBySlug(db, DEMO_ORG_SLUG);
    if (!org) throw new Error("no demo organisation");
    const [cohort] = cohortsOf(db, org.id);
    expect(cohort).toMatchObject({ name: "Winter peer supporters", learners: 7, assignments: 1 });
    if (!cohort) return;
    expect(cohortFacilitatorsOf(db, org.id, cohort.id).map((f) => f.name)).toEqual(["Fran Mills", "Sam Taylor"]);

    const [assignment] = listAssignments(db, org.id, cohort.id);
    if (!assignment) throw new Error("nothing assigned");
    expect(assignment.dueOn).toBe("2026-12-17");
    const dashboard = cohortDashboard(db, org.id, cohort.id, assignment.id, {}, NOW);
    expect(dashboard.total).toBe(7);
    expect(dashboard.complete).toBe(3);
    const states = Object.fromEntries(dashboard.rows.map((r) => [r.name, Object.values(r.modules)]));
    expect(states).toEqual({
      "Bea Okafor": ["complete"],
      "Chris Doyle": ["complete"],
      "Dana Novak": ["complete"],
      "Eli Price": ["in_progress"],
      "Farah Begum": ["in_progress"],
      "Gabe Ross": ["not_started"],
      "Hana Sato": ["not_started"],
    });
    // Completions happened on different days, so the chart climbs.
    expect(new Set(dashboard.series.map((d) => d.complete))).toEqual(new Set([0, 1, 2, 3]));
  });

  it("leaves the demo learner outside the cohort, free to try the open course from the start", async () => {
    const { db } = database;
    await seedDemo(db, NOW);
    const alex = db.select().from(users).where(eq(users.email, "learner@example.org")).get();
    expect(alex).toBeDefined();
    expect(
      db
        .select()
        .from(enrolments)
        .where(eq(enrolments.userId, alex?.id ?? ""))
        .all(),
    ).toEqual([]);
  });
});
