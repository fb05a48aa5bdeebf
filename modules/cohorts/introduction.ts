import { and, eq } from "drizzle-orm";
import type { DB } from "../../db/client";
import { cohorts } from "../../db/schema";
import { listAssignments } from "./assignments";
import { cohortFacilitatorsOf } from "./service";

/**
 * What someone is told about a cohort of the organisation before they join it or begin: its name and
 * dates, the training it gives, and who facilitates it in their own words. For callers that reached
 * the cohort through something of its organisation (an invitation, the learner's own membership).
 */
export function cohortIntroduction(db: DB, orgId: string, cohortId: string) {
  const cohort = db
    .select({
      id: cohorts.id,
      name: cohorts.name,
      description: cohorts.description,
      startsOn: cohorts.startsOn,
      endsOn: cohorts.endsOn,
    })
    .from(cohorts)
    .where(and(eq(cohorts.id, cohortId), eq(cohorts.orgId, orgId)))
    .get();
  if (!cohort) return null;
  return {
    ...cohort,
    courses: listAssignments(db, orgId, cohortId).map((a) => ({ assignmentId: a.id, title: a.title, dueOn: a.dueOn })),
    facilitators: cohortFacilitatorsOf(db, orgId, cohortId),
  };
}

export type CohortIntroduction = NonNullable<ReturnType<typeof cohortIntroduction>>;
