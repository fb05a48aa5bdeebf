import { and, eq, sql } from "drizzle-orm";
import type { DB } from "../../db/client";
import { assignments, cohorts, courseVersions, moduleVersions } from "../../db/schema";
import type { Context } from "../auth/context";
import { type CourseState, courseState, type ModuleState, moduleState } from "../progress/state";
import { dayOf, eachDay, todayInLondon } from "../shared/dates";
import { NotFoundError } from "../shared/errors";
import { listAssignments } from "./assignments";
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

/**
 * The progress query behind the dashboard: one aggregate over the cohort's members, their
 * enrolment in the course and the per-module progress rows — all joined on primary keys or indexes
 * (its plan is checked in a test). It never touches reflections or which sections were skipped. It
 * returns the facts (each begun module and when it was completed, or null), not states: those are
 * the progress feature's to say.
 */
export function progressQuery(cohortId: string, courseId: string) {
  return sql`
    select cm.user_id as userId,
           u.name as name,
           u.email as email,
           e.updated_at as lastActivity,
           cc.completed_at as completedAt,
           json_group_array(json_object('moduleId', mp.module_id, 'completedAt', mp.completed_at)) as progress
    from cohort_members cm
    join users u on u.id = cm.user_id
    left join enrolments e on e.user_id = cm.user_id and e.course_id = ${courseId}
    left join module_progress mp on mp.enrolment_id = e.id
    left join course_completions cc on cc.enrolment_id = e.id
    where cm.cohort_id = ${cohortId} and cm.removed_at is null
    group by cm.user_id
  `;
}

type Raw = {
  userId: string;
  name: string;
  email: string;
  lastActivity: number | null;
  completedAt: number | null;
  /** A JSON array of the learner's module progress rows; a learner with none has one of nulls. */
  progress: string;
};

export type DashboardFilters = {
  status?: "not_started" | "in_progress" | "complete" | "past_due";
  q?: string;
  sort?: "name" | "progress" | "activity";
};

/**
 * The cohort's progress on one assignment: a learner-by-module matrix, and completion over time. The
 * assignment must be the cohort's, and the cohort the organisation's, or it is not found.
 */
export function cohortDashboard(
  db: DB,
  orgId: string,
  cohortId: string,
  assignmentId: string,
  filters: DashboardFilters = {},
  now = new Date(),
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
  const states = new Map<string, CourseState>();
  const all: LearnerRow[] = db.all<Raw>(progressQuery(cohortId, assignment.courseId)).map((r) => {
    const begun = (JSON.parse(r.progress) as { moduleId: string | null; completedAt: number | null }[]).filter(
      (p): p is { moduleId: string; completedAt: number | null } => p.moduleId !== null,
    );
    const byModule: Record<string, ModuleState> = {};
    for (const m of modules) byModule[m.moduleId] = moduleState(begun.find((p) => p.moduleId === m.moduleId));
    states.set(r.userId, courseState({ completedAt: r.completedAt, begun: begun.length > 0 }));
    const done = Object.values(byModule).filter((s) => s === "complete").length;
    return {
      userId: r.userId,
      name: r.name,
      email: r.email,
      modules: byModule,
      completedAt: r.completedAt === null ? null : new Date(r.completedAt),
      lastActivity: r.lastActivity === null ? null : new Date(r.lastActivity),
      pastDue: pastDueDay && r.completedAt === null,
      done,
    };
  });

  const q = filters.q?.trim().toLowerCase();
  const rows = all
    .filter((r) => !q || r.name.toLowerCase().includes(q))
    .filter((r) => {
      if (!filters.status) return true;
      if (filters.status === "past_due") return r.pastDue;
      return states.get(r.userId) === filters.status;
    })
    .sort((a, b) => {
      if (filters.sort === "progress") return b.done - a.done || a.name.localeCompare(b.name);
      if (filters.sort === "activity") return (b.lastActivity?.getTime() ?? 0) - (a.lastActivity?.getTime() ?? 0);
      return a.name.localeCompare(b.name);
    });

  // Completion over time, from the same rows: the share of the cohort complete at the end of each day.
  const from = dayOf(assignment.createdAt);
  const to = cohort.endsOn && cohort.endsOn < today ? cohort.endsOn : today;
  const completions = all.filter((r) => r.completedAt).map((r) => dayOf(r.completedAt as Date));
  const series = (from <= to ? eachDay(from, to) : [to]).map((day) => {
    const complete = completions.filter((d) => d <= day).length;
    return { day, complete, rate: all.length === 0 ? 0 : complete / all.length };
  });

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
    rows,
    total: all.length,
    complete: all.filter((r) => r.completedAt).length,
    series,
  };
}

/** Learners shown on one page of the progress matrix: enough to scan, few enough to send quickly. */
export const LEARNERS_PER_PAGE = 50;

/**
 * The progress page: the assignment asked for (or the first), its dashboard filtered and sorted as
 * asked, one page of its learners, and how many completed since the trainer last marked the cohort
 * as seen. The totals, the chart and the count of new completions are over every learner; only the
 * rows are paged, since a 1,000-learner matrix would be sent once as HTML and once as data.
 */
export function progressPage(ctx: Context, cohortId: string, query: DashboardQuery) {
  const cohort = getCohort(ctx, cohortId);
  const { db, actor, now } = ctx;
  const assigned = listAssignments(db, actor.orgId, cohort.id);
  const chosen = assigned.find((a) => a.id === query.assignment) ?? assigned[0];
  const filters = { status: query.status, sort: query.sort, q: query.q ?? "" };
  const seenAt = lastVisit(db, actor.orgId, cohort.id, actor.userId);
  const dashboard = chosen ? cohortDashboard(db, actor.orgId, cohort.id, chosen.id, filters, now) : null;
  const matching = dashboard?.rows.length ?? 0;
  const pageCount = Math.max(1, Math.ceil(matching / LEARNERS_PER_PAGE));
  const page = Math.min(query.page ?? 1, pageCount);
  const start = (page - 1) * LEARNERS_PER_PAGE;
  const shown = dashboard?.rows.slice(start, start + LEARNERS_PER_PAGE) ?? [];
  return {
    cohortId: cohort.id,
    assignments: assigned.map((a) => ({ id: a.id, title: a.title })),
    filters,
    dashboard: dashboard && {
      ...dashboard,
      rows: shown.map((r) => ({
        userId: r.userId,
        name: r.name,
        pastDue: r.pastDue,
        done: r.done,
        completedAt: r.completedAt,
        states: dashboard.modules.map((m) => r.modules[m.moduleId] ?? "not_started"),
      })),
    },
    paging: { page, pageCount, matching, from: shown.length ? start + 1 : 0, to: start + shown.length },
    seenAt,
    newSince: dashboard ? dashboard.rows.filter((r) => r.completedAt && (!seenAt || r.completedAt > seenAt)).length : 0,
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
