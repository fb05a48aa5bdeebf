import { and, eq, sql } from "drizzle-orm";
import type { DB } from "../../db/client";
import { assignments, cohorts, courseVersions, moduleVersions } from "../../db/schema";
import type { Context } from "../auth/context";
import { type CourseState, courseState, type ModuleState, moduleState } from "../progress/state";
import { dayOf, eachDay, todayInLondon } from "../shared/dates";
import { NotFoundError } from "../shared/errors";
import { listAssignments } from "./assignments";
import { type LearnerSummary, learnerSummaries, moduleStates } from "./dashboard-query";
import type { DashboardQuery } from "./schemas";
import { getCohort, lastVisit } from "./service";

export type LearnerRow = {
  userId: string;
  name: string;
  email: string;
  modules: Record<string, ModuleState>;
  completedAt: Date | null;
  lastActivity: Date | null;
  pastDue: boolean;
  done: number;
};

export type DashboardFilters = {
  status?: "not_started" | "in_progress" | "complete" | "past_due";
  q?: string;
  sort?: "name" | "progress" | "activity";
};

/** The order names are shown in. */
const byName = (a: string, b: string) => a.localeCompare(b);

type Learner = LearnerSummary & { state: CourseState; pastDue: boolean };

/**
 * Everything the dashboard says about an assignment except the matrix: its modules, every learner
 * filtered and sorted as asked, the totals and completion over time. The assignment must be the
 * cohort's, and the cohort the organisation's, or it is not found.
 */
function dashboardOf(
  db: DB,
  orgId: string,
  cohortId: string,
  assignmentId: string,
  filters: DashboardFilters,
  now: Date,
) {
  const row = db
    .select({ assignment: assignments, cohort: cohorts, version: courseVersions })
    .from(assignments)
    .innerJoin(cohorts, and(eq(cohorts.id, assignments.cohortId), eq(cohorts.orgId, orgId)))
    .innerJoin(courseVersions, eq(courseVersions.id, assignments.courseVersionId))
    .where(and(eq(assignments.id, assignmentId), eq(assignments.cohortId, cohortId)))
    .get();
  if (!row) throw new NotFoundError("That assignment");
  const { assignment, cohort, version } = row;
  const titles = new Map(
    db
      .select({ id: moduleVersions.id, title: moduleVersions.title })
      .from(moduleVersions)
      .where(
        sql`${moduleVersions.id} in (select json_extract(value, '$.moduleVersionId') from json_each(${JSON.stringify(version.items)}))`,
      )
      .all()
      .map((m) => [m.id, m.title]),
  );
  const modules = version.items.map((i) => ({
    moduleId: i.moduleId,
    title: titles.get(i.moduleVersionId) ?? "Module",
  }));
  const today = todayInLondon(now);
  const pastDueDay = assignment.dueOn !== null && assignment.dueOn < today;
  const all: Learner[] = learnerSummaries(
    db,
    cohortId,
    assignment.courseId,
    modules.map((m) => m.moduleId),
  ).map((r) => ({
    ...r,
    state: courseState(r),
    pastDue: pastDueDay && r.completedAt === null,
  }));

  const q = filters.q?.trim().toLowerCase();
  const learners = all
    .filter((r) => !q || r.name.toLowerCase().includes(q))
    .filter((r) => {
      if (!filters.status) return true;
      if (filters.status === "past_due") return r.pastDue;
      return r.state === filters.status;
    })
    .sort((a, b) => {
      if (filters.sort === "progress") return b.done - a.done || byName(a.name, b.name);
      if (filters.sort === "activity") return (b.lastActivity ?? 0) - (a.lastActivity ?? 0);
      return byName(a.name, b.name);
    });

  const completed = all.filter((r) => r.completedAt !== null);
  return {
    cohort: { id: cohort.id, name: cohort.name },
    assignment: {
      id: assignment.id,
      title: version.title,
      version: version.version,
      dueOn: assignment.dueOn,
      pastDue: pastDueDay,
    },
    modules,
    learners,
    total: all.length,
    complete: completed.length,
    series: completionSeries(
      completed.map((r) => dayOf(new Date(r.completedAt as number))),
      all.length,
      dayOf(assignment.createdAt),
      cohort.endsOn && cohort.endsOn < today ? cohort.endsOn : today,
    ),
  };
}

/** The share of the cohort complete at the end of each day, from the days its learners completed. */
function completionSeries(completedOn: string[], total: number, from: string, to: string) {
  const sorted = [...completedOn].sort();
  let complete = 0;
  return (from <= to ? eachDay(from, to) : [to]).map((day) => {
    while (complete < sorted.length && (sorted[complete] as string) <= day) complete += 1;
    return { day, complete, rate: total === 0 ? 0 : complete / total };
  });
}

/** Learners as the matrix and the export show them, with their state on each module. */
function rowsOf(db: DB, learners: Learner[], modules: { moduleId: string }[]): LearnerRow[] {
  const statesOf = moduleStates(
    db,
    learners.flatMap((r) => (r.enrolmentId ? [r.enrolmentId] : [])),
    modules.map((m) => m.moduleId),
  );
  return learners.map((r) => ({
    userId: r.userId,
    name: r.name,
    email: r.email,
    modules: statesOf(r.enrolmentId),
    completedAt: r.completedAt === null ? null : new Date(r.completedAt),
    lastActivity: r.lastActivity === null ? null : new Date(r.lastActivity),
    pastDue: r.pastDue,
    done: r.done,
  }));
}

/** The cohort's progress on one assignment: a learner-by-module matrix of every learner, and completion over time. */
export function cohortDashboard(
  db: DB,
  orgId: string,
  cohortId: string,
  assignmentId: string,
  filters: DashboardFilters = {},
  now = new Date(),
) {
  const found = dashboardOf(db, orgId, cohortId, assignmentId, filters, now);
  return { ...withoutLearners(found), rows: rowsOf(db, found.learners, found.modules) };
}

/** What the dashboard shows of every learner at once: the totals and the chart, never the list itself. */
function withoutLearners({ learners: _, ...rest }: ReturnType<typeof dashboardOf>) {
  return rest;
}

/** Learners shown on one page of the progress matrix: enough to scan, few enough to send quickly. */
export const LEARNERS_PER_PAGE = 50;

/**
 * The progress page: the assignment asked for (or the first), its dashboard filtered and sorted as
 * asked, one page of its learners, and how many completed since the trainer last marked the cohort
 * as seen. The totals and the chart are over every learner, the count of new completions over every
 * learner the filters match; only the rows are paged, and only the shown rows' module states are
 * read, since a 1,000-learner matrix would be sent once as HTML and once as data.
 */
export function progressPage(ctx: Context, cohortId: string, query: DashboardQuery) {
  const cohort = getCohort(ctx, cohortId);
  const { db, actor, now } = ctx;
  const assigned = listAssignments(db, actor.orgId, cohort.id);
  const chosen = assigned.find((a) => a.id === query.assignment) ?? assigned[0];
  const filters = { status: query.status, sort: query.sort, q: query.q ?? "" };
  const seenAt = lastVisit(db, actor.orgId, cohort.id, actor.userId);
  const found = chosen ? dashboardOf(db, actor.orgId, cohort.id, chosen.id, filters, now) : null;
  const matching = found?.learners.length ?? 0;
  const pageCount = Math.max(1, Math.ceil(matching / LEARNERS_PER_PAGE));
  const page = Math.min(query.page ?? 1, pageCount);
  const start = (page - 1) * LEARNERS_PER_PAGE;
  const shown = found ? rowsOf(db, found.learners.slice(start, start + LEARNERS_PER_PAGE), found.modules) : [];
  const seen = seenAt?.getTime();
  return {
    cohortId: cohort.id,
    assignments: assigned.map((a) => ({ id: a.id, title: a.title })),
    filters,
    dashboard: found && {
      ...withoutLearners(found),
      rows: shown.map((r) => ({
        userId: r.userId,
        name: r.name,
        pastDue: r.pastDue,
        done: r.done,
        completedAt: r.completedAt,
        states: found.modules.map((m) => r.modules[m.moduleId] ?? "not_started"),
      })),
    },
    paging: { page, pageCount, matching, from: shown.length ? start + 1 : 0, to: start + shown.length },
    seenAt,
    newSince: found
      ? found.learners.filter((r) => r.completedAt !== null && (seen === undefined || r.completedAt > seen)).length
      : 0,
  };
}

/** One learner's status on each module of the cohort's assignments: never reflections or skipped sections. */
export function learnerProgress(ctx: Context, cohortId: string, userId: string) {
  const cohort = getCohort(ctx, cohortId);
  const { db } = ctx;
  const learner = db.all<{ name: string }>(
    sql`select u.name as name from cohort_members cm join users u on u.id = cm.user_id where cm.cohort_id = ${cohort.id} and cm.user_id = ${userId}`,
  )[0];
  if (!learner) throw new NotFoundError("That learner");
  const rows = db.all<{
    assignmentId: string;
    title: string;
    dueOn: string | null;
    items: string;
    moduleId: string | null;
    startedAt: number | null;
    completedAt: number | null;
    courseCompletedAt: number | null;
  }>(sql`
    select a.id as assignmentId, cv.title as title, a.due_on as dueOn, cv.items as items,
           mp.module_id as moduleId, mp.started_at as startedAt, mp.completed_at as completedAt,
           cc.completed_at as courseCompletedAt
    from assignments a
    join course_versions cv on cv.id = a.course_version_id
    left join enrolments e on e.user_id = ${userId} and e.course_id = a.course_id
    left join module_progress mp on mp.enrolment_id = e.id
    left join course_completions cc on cc.enrolment_id = e.id
    where a.cohort_id = ${cohort.id}
  `);
  const byAssignment = new Map<string, typeof rows>();
  for (const r of rows) byAssignment.set(r.assignmentId, [...(byAssignment.get(r.assignmentId) ?? []), r]);
  const versionIds = rows.flatMap((r) =>
    (JSON.parse(r.items) as { moduleVersionId: string }[]).map((i) => i.moduleVersionId),
  );
  const titles = new Map(
    versionIds.length === 0
      ? []
      : db
          .select({ id: moduleVersions.id, moduleId: moduleVersions.moduleId, title: moduleVersions.title })
          .from(moduleVersions)
          .where(
            sql`${moduleVersions.id} in (${sql.join(
              versionIds.map((v) => sql`${v}`),
              sql`, `,
            )})`,
          )
          .all()
          .map((m) => [m.moduleId, m.title]),
  );
  return {
    cohortId: cohort.id,
    name: learner.name,
    cohortName: cohort.name,
    assignments: [...byAssignment.values()].map((group) => {
      const first = group[0] as (typeof rows)[number];
      const items = JSON.parse(first.items) as { moduleId: string }[];
      return {
        title: first.title,
        dueOn: first.dueOn,
        completedAt: first.courseCompletedAt === null ? null : new Date(first.courseCompletedAt),
        modules: items.map((i) => {
          const p = group.find((g) => g.moduleId === i.moduleId);
          return {
            title: titles.get(i.moduleId) ?? "Module",
            state: moduleState(p),
            startedAt: p?.startedAt ? new Date(p.startedAt) : null,
            completedAt: p?.completedAt ? new Date(p.completedAt) : null,
          };
        }),
      };
    }),
  };
}
