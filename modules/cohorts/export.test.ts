import { parse } from "csv-parse/sync";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { contextFor } from "../auth/context";
import { addCourseModule, createCourse, publishCourse } from "../courses/service";
import { testDatabase } from "../testing/database";
import { doc, p, text } from "../testing/documents";
import { makeOrganisation } from "../testing/fixtures";
import { publishedModule } from "../testing/published-module";
import { assign } from "./assignments";
import { cohortDashboard } from "./dashboard";
import { progressCsv } from "./export";
import { createCohort, joinCohort } from "./service";

let database: ReturnType<typeof testDatabase>;
beforeEach(() => {
  database = testDatabase();
});
afterEach(() => database.close());

/** A cohort on a one-module course whose learners are named `names`. */
function dashboardWithLearners(names: string[], moduleTitle = "Boundaries") {
  const { db } = database;
  const org = makeOrganisation(db);
  const sam = org.member(["trainer", "facilitator"], "Sam Taylor");
  const content = doc(p(text("Supervision is for you.")));
  const module = publishedModule(db, { orgId: org.org.id, by: sam.user.id, title: moduleTitle, doc: content });
  const course = createCourse(contextFor(db, sam.actor), { title: "Essentials", description: "", openToAll: false });
  addCourseModule(contextFor(db, sam.actor), course.id, module.moduleId);
  publishCourse(contextFor(db, sam.actor), course.id, "First version.");
  const cohort = createCohort(contextFor(db, sam.actor), {
    name: "Spring group",
    description: "",
    startsOn: "2026-01-05",
    endsOn: null,
  });
  for (const name of names) joinCohort(db, org.org.id, cohort.id, org.member(["learner"], name).user.id);
  const assignment = assign(contextFor(db, sam.actor), cohort.id, { target: `course:${course.id}`, dueOn: null });
  return cohortDashboard(db, org.org.id, cohort.id, assignment.id);
}

describe("progressCsv", () => {
  it("starts with a UTF-8 byte order mark, so that spreadsheets read accented names rightly", () => {
    const csv = progressCsv(dashboardWithLearners(["Zoë Brontë"]));
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect([...new TextEncoder().encode(csv).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.Learner)).toEqual(["Zoë Brontë"]);
  });

  it("neutralises every cell a spreadsheet would run as a formula, names and titles alike", () => {
    const risky = ['=HYPERLINK("https://evil.example","Ann")', "+44 7700 900000", "-Ben", "@SUM(A1)", "\tCat", "\rDee"];
    const csv = progressCsv(dashboardWithLearners([...risky, "Eve Moss"], "=1+1"));
    const rows = parse(csv, { bom: true, columns: true, relax_column_count: true }) as Record<string, string>[];
    expect(Object.keys(rows[0] ?? {})).toContain("'=1+1");
    const learners = rows.map((r) => r.Learner ?? "");
    for (const name of risky) expect(learners).toContain(`'${name}`);
    expect(learners).toContain("Eve Moss");
    // Nothing is left for a spreadsheet to evaluate.
    for (const row of rows) {
      for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    }
  });
});
