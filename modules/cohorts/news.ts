import { sql } from "drizzle-orm";
import type { DB } from "../../db/client";

/**
 * For a trainer: how many of each cohort's learners completed an assignment since they last marked
 * the cohort as seen. One grouped query for all the organisation's cohorts.
 */
export function completionsSinceLastVisit(db: DB, orgId: string, userId: string): Map<string, number> {
  const rows = db.all<{ cohortId: string; n: number }>(sql`
    select cm.cohort_id as cohortId, count(*) as n
    from cohorts c
    join cohort_members cm on cm.cohort_id = c.id and cm.removed_at is null
    join assignments a on a.cohort_id = c.id
    join enrolments e on e.user_id = cm.user_id and e.course_id = a.course_id
    join course_completions cc on cc.enrolment_id = e.id
    left join cohort_visits v on v.cohort_id = c.id and v.user_id = ${userId}
    where c.org_id = ${orgId} and c.archived_at is null and cc.completed_at > coalesce(v.visited_at, 0)
    group by cm.cohort_id
  `);
  return new Map(rows.map((r) => [r.cohortId, r.n]));
}
