import { SQLiteSyncDialect } from "drizzle-orm/sqlite-core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { contextFor } from "../auth/context";
import { addCourseModule, createCourse, publishCourse } from "../courses/service";
import type { DocJSON } from "../documents/json";
import { enrol } from "../learning/service";
import { testDatabase } from "../testing/database";
import { option, p, part, text } from "../testing/documents";
import { makeOrganisation } from "../testing/fixtures";
import { learnerIn } from "../testing/learner";
import { publishedModule } from "../testing/published-module";
import { assign } from "./assignments";
import { cohortDashboard, LEARNERS_PER_PAGE, progressPage } from "./dashboard";
import { summaryQuery } from "./dashboard-query";
import { createCohort, joinCohort, removeCohortMember } from "./service";

const heading = (title: string): DocJSON => ({ type: "heading", attrs: { level: 2 }, content: [text(title)] });

/**
 * Module A: a reading with a content note (so it may be skipped for now), then a section with a
 * knowledge check. Module B: one reading.
 */
const MODULE_A = {
  type: "doc",
  content: [
    heading("Welcome"),
    { type: "contentNote", attrs: { topics: ["bereavement"], customTopic: "" }, content: [text("About loss.")] },
    p(text("Peer support is a relationship between equals.")),
    heading("A first check"),
    p(text("Boundaries keep both people safe.")),
    {
      type: "knowledgeCheck",
      attrs: { id: "kc-1", multiple: false },
      content: [
        part("checkQuestion", text("What keeps both people safe?")),
        option("kc-1-wrong", false, "Always answering at once", [text("Not this one.")]),
        option("kc-1-right", true, "Agreeing your hours", [text("Yes.")]),
      ],
    },
  ],
} satisfies DocJSON;

const MODULE_B = {
  type: "doc",
  content: [heading("Only section"), p(text("Supervision is for you."))],
} satisfies DocJSON;

let database: ReturnType<typeof testDatabase>;
beforeEach(() => {
  database = testDatabase();
});
afterEach(() => database.close());

/**
 * A cohort of five learners on a two-module course, plus a learner who left the cohort and one in
 * another cohort: Ann has not started, Ben is part-way through module A, Cat skipped module A's first
 * section (and nothing else), Dee finished everything, Eve finished module B only.
 */
function cohortWithProgress() {
  const { db } = database;
  const org = makeOrganisation(db);
  const fran = org.member(["facilitator"], "Fran Mills");
  const sam = org.member(["trainer"], "Sam Taylor");
  const a = publishedModule(database.db, { orgId: org.org.id, by: fran.user.id, title: "Module A", doc: MODULE_A });
  const b = publishedModule(database.db, { orgId: org.org.id, by: fran.user.id, title: "Module B", doc: MODULE_B });
  const course = createCourse(contextFor(db, sam.actor), { title: "Essentials", description: "", openToAll: false });
  addCourseModule(contextFor(db, sam.actor), course.id, a.moduleId);
  addCourseModule(contextFor(db, sam.actor), course.id, b.moduleId);
  publishCourse(contextFor(db, sam.actor), course.id, "First version.");

  const cohort = createCohort(contextFor(db, sam.actor), {
    name: "Spring group",
    description: "",
    startsOn: "2026-01-05",
    endsOn: null,
  });
  const other = createCohort(contextFor(db, sam.actor), {
    name: "Autumn group",
    description: "",
    startsOn: "2026-09-07",
    endsOn: null,
  });
  const learner = (name: string, cohortId = cohort.id) => {
    const person = org.member(["learner"], name);
    joinCohort(db, org.org.id, cohortId, person.user.id);
    return person;
  };
  const [ann, ben, cat, dee, eve, gone] = ["Ann", "Ben", "Cat", "Dee", "Eve", "Gus"].map((name) => learner(name));
  const outsider = learner("Hal", other.id);
  if (!ann || !ben || !cat || !dee || !eve || !gone) throw new Error("learners missing");
  const assignment = assign(contextFor(db, sam.actor), cohort.id, { target: `course:${course.id}`, dueOn: null });

  const enrolmentOf = (person: typeof ann) =>
    enrol(db, { orgId: org.org.id, userId: person.user.id, courseId: course.id, source: "assignment" });
  const section = (person: typeof ann, versionId: string, index: number, kind: "viewed" | "skipped" = "viewed") => {
    learnerIn(db, person.actor, enrolmentOf(person).id).view(versionId, index, kind);
  };
  const answer = (person: typeof ann, chosen: string) => {
    learnerIn(db, person.actor, enrolmentOf(person).id).answer(a.versionId, 2, "kc-1", [chosen]);
  };

  section(ben, a.versionId, 1);
  answer(ben, "kc-1-wrong");
  section(cat, a.versionId, 1, "skipped");
  section(dee, a.versionId, 1);
  answer(dee, "kc-1-right");
  section(dee, a.versionId, 2);
  section(dee, b.versionId, 1);
  section(eve, b.versionId, 1);
  section(gone, a.versionId, 1);
  section(outsider, b.versionId, 1);
  removeCohortMember(contextFor(db, sam.actor), cohort.id, gone.user.id);

  return { org, sam, course, cohort, assignment, modules: { a: a.moduleId, b: b.moduleId } };
}

/** `table alias` pairs in a query's FROM and JOIN clauses. */
function aliasesIn(query: string): Map<string, string> {
  const aliases = new Map<string, string>();
  for (const match of query.matchAll(
    /\b(?:from|join)\s+(\w+)(?:\s+(?:as\s+)?(?!on\b|where\b|left\b|join\b)(\w+))?/gi,
  )) {
    const [, table = "", alias] = match;
    aliases.set(alias ?? table, table);
    aliases.set(table, table);
  }
  return aliases;
}

describe("the cohort dashboard's summary query", () => {
  it("reaches every table through a primary key or an index, and never scans progress or people", () => {
    const { db } = database;
    const { cohort, course, modules } = cohortWithProgress();
    const query = new SQLiteSyncDialect().sqlToQuery(summaryQuery(cohort.id, course.id, [modules.a, modules.b]));
    const plan = db.$client.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(...query.params) as { detail: string }[];
    const aliases = aliasesIn(query.sql);

    const steps = plan
      .map((row) => row.detail)
      .filter((detail) => /^(SCAN|SEARCH) /.test(detail))
      .map((detail) => {
        const [verb = "", alias = ""] = detail.split(" ");
        return { verb, table: aliases.get(alias) ?? alias, detail };
      });
    // module_progress twice: whether the learner began, and how many modules they completed.
    expect(steps.map((s) => s.table).sort()).toEqual(
      ["cohort_members", "course_completions", "enrolments", "module_progress", "module_progress", "users"].sort(),
    );
    for (const step of steps) {
      const indexed =
        step.verb === "SEARCH" && / USING (COVERING INDEX|INDEX|PRIMARY KEY|INTEGER PRIMARY KEY)\b/.test(step.detail);
      // The only scan allowed is the one that drives the query: the cohort's members, by their primary key.
      const drivingScan =
        step.verb === "SCAN" &&
        step.table === "cohort_members" &&
        / USING (COVERING )?INDEX sqlite_autoindex_cohort_members_1\b/.test(step.detail);
      expect(indexed || drivingScan, step.detail).toBe(true);
    }
    // Each lookup is keyed by the column that makes it one learner's rows, not a whole course's.
    const keyedBy: Record<string, RegExp> = {
      cohort_members: /\(cohort_id=\?/,
      users: /\(id=\?\)/,
      enrolments: /\(user_id=\? AND course_id=\?\)/,
      module_progress: /\(enrolment_id=\?\)/,
      course_completions: /\(enrolment_id=\?\)/,
    };
    for (const step of steps.filter((s) => s.verb === "SEARCH")) {
      expect(step.detail).toMatch(keyedBy[step.table] ?? /$^/);
    }
    const scanned = steps.filter((s) => s.verb === "SCAN").map((s) => s.table);
    for (const table of ["progress_events", "module_progress", "enrolments", "users"]) {
      expect(scanned, `full scan of ${table}`).not.toContain(table);
    }
    expect(steps.map((s) => s.table)).not.toContain("progress_events");
    // Whether each learner began and how many modules they completed come from an index alone.
    for (const step of steps.filter((s) => s.table === "module_progress")) {
      expect(step.detail).toMatch(/ USING COVERING INDEX /);
    }
  });
});

describe("cohortDashboard", () => {
  it("gives each current learner's state on each module, with skipped sections as in progress", () => {
    const { db } = database;
    const { org, cohort, assignment, modules } = cohortWithProgress();
    const dashboard = cohortDashboard(db, org.org.id, cohort.id, assignment.id);

    expect(dashboard.modules).toEqual([
      { moduleId: modules.a, title: "Module A" },
      { moduleId: modules.b, title: "Module B" },
    ]);
    expect(dashboard.total).toBe(5);
    expect(dashboard.complete).toBe(1);
    const matrix = Object.fromEntries(
      dashboard.rows.map((r) => [r.name, { modules: r.modules, done: r.done, complete: r.completedAt !== null }]),
    );
    expect(matrix).toEqual({
      Ann: { modules: { [modules.a]: "not_started", [modules.b]: "not_started" }, done: 0, complete: false },
      Ben: { modules: { [modules.a]: "in_progress", [modules.b]: "not_started" }, done: 0, complete: false },
      Cat: { modules: { [modules.a]: "in_progress", [modules.b]: "not_started" }, done: 0, complete: false },
      Dee: { modules: { [modules.a]: "complete", [modules.b]: "complete" }, done: 2, complete: true },
      Eve: { modules: { [modules.a]: "not_started", [modules.b]: "complete" }, done: 1, complete: false },
    });
    // Sorted by name by default; nothing says which section anyone skipped or where they are.
    expect(dashboard.rows.map((r) => r.name)).toEqual(["Ann", "Ben", "Cat", "Dee", "Eve"]);
    for (const row of dashboard.rows) {
      expect(Object.keys(row).sort()).toEqual(
        ["completedAt", "done", "email", "lastActivity", "modules", "name", "pastDue", "userId"].sort(),
      );
      expect(JSON.stringify(row)).not.toMatch(/skip|section/i);
    }
  });

  it("filters by state the way the matrix reads", () => {
    const { db } = database;
    const { org, cohort, assignment } = cohortWithProgress();
    const names = (status: "not_started" | "in_progress" | "complete") =>
      cohortDashboard(db, org.org.id, cohort.id, assignment.id, { status }).rows.map((r) => r.name);
    expect(names("not_started")).toEqual(["Ann"]);
    expect(names("in_progress")).toEqual(["Ben", "Cat", "Eve"]);
    expect(names("complete")).toEqual(["Dee"]);
  });
});

describe("progressPage", () => {
  it("shows one page of the learners matching the filters, and counts and charts them all", () => {
    const { db } = database;
    const { org, sam, cohort, assignment } = cohortWithProgress();
    // 5 learners already: a full page and a part page in all.
    const total = 2 * LEARNERS_PER_PAGE - 3;
    for (let i = 0; i < total - 5; i += 1) {
      const person = org.member(["learner"], `Zed ${String(i).padStart(3, "0")}`);
      joinCohort(db, org.org.id, cohort.id, person.user.id);
    }
    const ctx = contextFor(db, sam.actor);
    const pageOf = (page?: number, q?: string) => progressPage(ctx, cohort.id, { assignment: assignment.id, page, q });

    const first = pageOf();
    expect(first.dashboard?.rows.map((r) => r.name).slice(0, 5)).toEqual(["Ann", "Ben", "Cat", "Dee", "Eve"]);
    expect(first.dashboard?.rows).toHaveLength(LEARNERS_PER_PAGE);
    expect(first.paging).toEqual({ page: 1, pageCount: 2, matching: total, from: 1, to: LEARNERS_PER_PAGE });
    // The totals, the chart and new completions are over every learner, not the page.
    expect(first.dashboard?.total).toBe(total);
    expect(first.dashboard?.complete).toBe(1);
    expect(first.newSince).toBe(1);

    // Each shown learner's states are the ones the whole matrix (as exported) has for them.
    const whole = new Map(
      cohortDashboard(db, org.org.id, cohort.id, assignment.id).rows.map((r) => [r.userId, Object.values(r.modules)]),
    );
    for (const row of first.dashboard?.rows ?? []) expect(row.states, row.name).toEqual(whole.get(row.userId));
    expect(first.dashboard?.rows.find((r) => r.name === "Dee")).toMatchObject({
      done: 2,
      states: ["complete", "complete"],
    });
    expect(
      progressPage(ctx, cohort.id, { assignment: assignment.id, sort: "progress" })
        .dashboard?.rows.map((r) => r.name)
        .slice(0, 3),
    ).toEqual(["Dee", "Eve", "Ann"]);

    const second = pageOf(2);
    expect(second.paging).toMatchObject({ page: 2, from: LEARNERS_PER_PAGE + 1, to: total });
    const both = [...(first.dashboard?.rows ?? []), ...(second.dashboard?.rows ?? [])].map((r) => r.userId);
    expect(new Set(both).size).toBe(total);

    // Past the last page, the last is shown; a search pages what it matches.
    expect(pageOf(99).paging.page).toBe(2);
    const search = pageOf(2, "zed 01");
    expect(search.paging).toEqual({ page: 1, pageCount: 1, matching: 10, from: 1, to: 10 });
    expect(search.dashboard?.rows.every((r) => r.name.startsWith("Zed 01"))).toBe(true);
  });
});
