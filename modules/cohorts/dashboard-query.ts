import { sql } from "drizzle-orm";
import type { DB } from "../../db/client";
import { type ModuleState, moduleState } from "../progress/state";

/** One learner of the cohort as the dashboard sorts, filters and counts them, before any matrix. */
export type LearnerSummary = {
  userId: string;
  name: string;
  email: string;
  /** Null while the learner has no enrolment in the course. */
  enrolmentId: string | null;
  lastActivity: number | null;
  completedAt: number | null;
  /** Whether they began any module of the course (on any version). */
  begun: boolean;
  /** How many of the assignment's modules they completed. */
  done: number;
};

/**
 * The summary query behind the dashboard: one row per current member of the cohort, with their
 * enrolment in the course, whether they began it and how many of the given modules they completed.
 * Every table is reached by a primary key or an index (its plan is checked in a test), and it never
 * touches reflections or which sections were skipped.
 *
 * A module counts as done when its progress row is completed, as `moduleState` says. The `+` keeps
 * SQLite to one range of the learner's rows rather than one look-up per module.
 */
export function summaryQuery(cohortId: string, courseId: string, moduleIds: string[]) {
  const modules =
    moduleIds.length === 0
      ? sql`null`
      : sql.join(
          moduleIds.map((id) => sql`${id}`),
          sql`, `,
        );
  return sql`
    select cm.user_id as userId,
           u.name as name,
           u.email as email,
           e.id as enrolmentId,
           e.updated_at as lastActivity,
           cc.completed_at as completedAt,
           exists (select 1 from module_progress mp where mp.enrolment_id = e.id) as begun,
           (select count(*) from module_progress mp
             where mp.enrolment_id = e.id and mp.completed_at is not null and +mp.module_id in (${modules})) as done
    from cohort_members cm
    join users u on u.id = cm.user_id
    left join enrolments e on e.user_id = cm.user_id and e.course_id = ${courseId}
    left join course_completions cc on cc.enrolment_id = e.id
    where cm.cohort_id = ${cohortId} and cm.removed_at is null
    order by cm.user_id
  `;
}

export function learnerSummaries(db: DB, cohortId: string, courseId: string, moduleIds: string[]): LearnerSummary[] {
  return db
    .all<Omit<LearnerSummary, "begun"> & { begun: number }>(summaryQuery(cohortId, courseId, moduleIds))
    .map((r) => ({ ...r, begun: r.begun === 1 }));
}

/**
 * Each given enrolment's state on each given module, read only for the learners a page shows. A
 * learner with no enrolment, or none of its rows, has begun nothing.
 */
export function moduleStates(
  db: DB,
  enrolmentIds: string[],
  moduleIds: string[],
): (enrolmentId: string | null) => Record<string, ModuleState> {
  const rows =
    enrolmentIds.length === 0
      ? []
      : db.all<{ enrolmentId: string; moduleId: string; completedAt: number | null }>(sql`
          select mp.enrolment_id as enrolmentId, mp.module_id as moduleId, mp.completed_at as completedAt
          from module_progress mp
          where mp.enrolment_id in (select value from json_each(${JSON.stringify(enrolmentIds)}))
        `);
  const begun = new Map<string, Map<string, { completedAt: number | null }>>();
  for (const r of rows) {
    const of = begun.get(r.enrolmentId) ?? new Map();
    of.set(r.moduleId, r);
    begun.set(r.enrolmentId, of);
  }
  return (enrolmentId) => {
    const of = enrolmentId === null ? undefined : begun.get(enrolmentId);
    return Object.fromEntries(moduleIds.map((m) => [m, moduleState(of?.get(m))]));
  };
}
