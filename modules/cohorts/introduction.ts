import { and, asc, eq, sql } from "drizzle-orm";
import type { DB } from "../../db/client";
import { cohortFacilitators, cohorts, personalIntroductions, users } from "../../db/schema";
import { listAssignments } from "./assignments";

/**
 * The facilitators of a cohort of the organisation as learners meet them: the trainer's note, and the
 * pronouns and lived experience each wrote about themselves (empty until they write them).
 */
function facilitatorIntroductions(db: DB, orgId: string, cohortId: string) {
  return db
    .select({
      userId: users.id,
      name: users.name,
      bio: cohortFacilitators.bio,
      pronouns: sql<string>`coalesce(${personalIntroductions.pronouns}, '')`,
      livedExperience: sql<string>`coalesce(${personalIntroductions.livedExperience}, '')`,
    })
    .from(cohortFacilitators)
    .innerJoin(cohorts, and(eq(cohorts.id, cohortFacilitators.cohortId), eq(cohorts.orgId, orgId)))
    .innerJoin(users, eq(users.id, cohortFacilitators.userId))
    .leftJoin(personalIntroductions, eq(personalIntroductions.userId, users.id))
    .where(eq(cohortFacilitators.cohortId, cohortId))
    .orderBy(asc(users.name))
    .all();
}

/**
 * What someone is told about a cohort of the organisation before they join it or begin: its name and
 * dates, the training it gives and its format, and who facilitates it in their own words. For callers
 * that reached the cohort through something of its organisation (an invitation, the learner's own
 * membership).
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
    courses: listAssignments(db, orgId, cohortId).map((a) => ({
      assignmentId: a.id,
      courseId: a.courseId,
      title: a.title,
      dueOn: a.dueOn,
      selfPacedRoute: a.selfPacedRoute,
    })),
    facilitators: facilitatorIntroductions(db, orgId, cohortId),
  };
}

export type CohortIntroduction = NonNullable<ReturnType<typeof cohortIntroduction>>;
