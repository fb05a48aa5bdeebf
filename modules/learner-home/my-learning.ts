import type { Context } from "../auth/context";
import { authorize } from "../auth/policy";
import { learnerAssignments } from "../cohorts/assignments";
import { type CohortIntroduction, cohortIntroduction } from "../cohorts/introduction";
import { selfPacedOf } from "../cohorts/routes";
import { myLearning } from "../learning/service";
import { unreadNotices } from "../notices/service";
import { courseState } from "../progress/state";
import { daysBetween, todayInLondon } from "../shared/dates";

/** How soon counts as "coming up" for a due date. */
const DUE_SOON_DAYS = 7;

/**
 * My learning: each course with its status, the due date and group (and who facilitates it) when a
 * trainer gave it, plus unread notices and courses open to everyone.
 */
export function myLearningPage(ctx: Context) {
  authorize(ctx.actor, "learning.take");
  const { db, actor, now } = ctx;
  const { mine, open } = myLearning(db, actor);
  const given = learnerAssignments(db, actor.orgId, actor.userId);
  const today = todayInLondon(now);
  const selfPaced = selfPacedOf(db, actor.orgId, actor.userId);
  const cohorts = new Map<string, CohortIntroduction | null>();
  const courses = mine.map((c) => {
    const assignment = given
      .filter((a) => a.courseId === c.courseId)
      .sort((a, b) => (a.dueOn ?? "9999").localeCompare(b.dueOn ?? "9999"))[0];
    if (assignment && !cohorts.has(assignment.cohortId)) {
      cohorts.set(assignment.cohortId, cohortIntroduction(db, actor.orgId, assignment.cohortId));
    }
    const cohort = assignment ? cohorts.get(assignment.cohortId) : null;
    const course = cohort?.courses.find((g) => g.courseId === c.courseId);
    const dueOn = assignment?.dueOn ?? null;
    const daysLeft = dueOn ? daysBetween(today, dueOn) : null;
    return {
      ...c,
      state: courseState({ completedAt: c.completedAt, begun: Boolean(c.begun) }),
      dueOn,
      due:
        c.completedAt || daysLeft === null
          ? null
          : daysLeft < 0
            ? "past"
            : daysLeft <= DUE_SOON_DAYS
              ? "soon"
              : "later",
      cohort:
        cohort && course
          ? {
              id: cohort.id,
              name: cohort.name,
              startsOn: cohort.startsOn,
              endsOn: cohort.endsOn,
              facilitators: cohort.facilitators,
              assignmentId: course.assignmentId,
              selfPacedRoute: course.selfPacedRoute,
              selfPaced: selfPaced.has(course.assignmentId),
            }
          : null,
    };
  });
  return { courses, open, notices: unreadNotices(db, actor.orgId, actor.userId) };
}
