import { and, asc, eq, gt, isNull, sql } from "drizzle-orm";
import type { DB } from "../../db/client";
import { assignments, cohortMembers, cohorts, courses, courseVersions } from "../../db/schema";
import { recordAudit } from "../audit/service";
import { type Context, inTransaction } from "../auth/context";
import { coursesOf, latestCourseVersion } from "../courses/service";
import { singleModuleCourse } from "../courses/single-module";
import { moveEnrolments } from "../learning/enrolment";
import { deriveCompletion, enrol } from "../learning/service";
import { notify } from "../notices/service";
import { publishableModules } from "../publishing/service";
import { formatDay, todayInLondon } from "../shared/dates";
import { InvalidError, NotFoundError } from "../shared/errors";
import { newId } from "../shared/ids";
import { selfPacedCounts } from "./routes";
import { getCohort } from "./service";

const PAST_DUE_DATE = "The due date is in the past. Choose today or a later date, or leave it empty.";

/** Everyone currently in a cohort already found in the organisation. */
function memberIds(db: DB, cohortId: string): string[] {
  return db
    .select({ userId: cohortMembers.userId })
    .from(cohortMembers)
    .where(and(eq(cohortMembers.cohortId, cohortId), isNull(cohortMembers.removedAt)))
    .all()
    .map((r) => r.userId);
}

/** Tells people what they were given, and by when. */
function tellAssigned(
  db: DB,
  orgId: string,
  userIds: string[],
  assigned: { courseVersionId: string; dueOn: string | null },
  now: Date,
) {
  const title = db
    .select({ t: courseVersions.title })
    .from(courseVersions)
    .where(eq(courseVersions.id, assigned.courseVersionId))
    .get()?.t;
  notify(
    db,
    orgId,
    userIds,
    {
      kind: "assignment",
      title: `New training for you: ${title ?? "a course"}`,
      body: assigned.dueOn
        ? `Please finish it by ${formatDay(assigned.dueOn)}.`
        : "There is no due date: go at your own pace.",
      link: "/learn",
    },
    now,
  );
}

/**
 * Enrols people in everything assigned to a cohort of the organisation (already enrolled ones keep
 * their enrolment), and tells them about each.
 */
export function enrolInCohortAssignments(db: DB, orgId: string, cohortId: string, userIds: string[], now: Date) {
  const assigned = db
    .select({ assignment: assignments })
    .from(assignments)
    .innerJoin(cohorts, and(eq(cohorts.id, assignments.cohortId), eq(cohorts.orgId, orgId)))
    .where(eq(assignments.cohortId, cohortId))
    .all()
    .map((r) => r.assignment);
  for (const a of assigned) {
    // The version the cohort is on, not the course's latest: the trainer moves a cohort on explicitly.
    for (const userId of userIds) {
      enrol(db, { orgId, userId, courseId: a.courseId, courseVersionId: a.courseVersionId, source: "assignment" }, now);
    }
    tellAssigned(db, orgId, userIds, a, now);
  }
}

/** The course and version a target names: a published course, or a module to give on its own. */
function trainingOf(ctx: Context, target: string) {
  const [kind, id = ""] = target.split(":");
  if (kind === "module") {
    const wrapped = singleModuleCourse(ctx.db, ctx.actor, id, ctx.now);
    if (!wrapped) throw new InvalidError("That module has not been published yet.", "target");
    return wrapped;
  }
  const course = ctx.db
    .select()
    .from(courses)
    .where(and(eq(courses.id, id), eq(courses.orgId, ctx.actor.orgId)))
    .get();
  if (!course) throw new InvalidError("Choose a course from the list.", "target");
  const latest = latestCourseVersion(ctx.db, ctx.actor.orgId, id);
  if (!latest || course.status !== "published") {
    throw new InvalidError("That course has not been published yet. Publish it first, then assign it.", "target");
  }
  return { courseId: course.id, courseVersionId: latest.id };
}

/**
 * Gives a cohort a published course (its latest version) or a single published module, with an
 * optional due date that is not in the past. Every learner in the cohort is enrolled and told.
 */
export function assign(ctx: Context, cohortId: string, input: { target: string; dueOn: string | null }) {
  return inTransaction(ctx, (tx) => {
    getCohort(tx, cohortId);
    const { db, actor, now } = tx;
    if (input.dueOn && input.dueOn < todayInLondon(now)) throw new InvalidError(PAST_DUE_DATE, "dueOn");
    const { courseId, courseVersionId } = trainingOf(tx, input.target);
    const already = db
      .select({ id: assignments.id })
      .from(assignments)
      .where(and(eq(assignments.cohortId, cohortId), eq(assignments.courseId, courseId)))
      .get();
    if (already) {
      throw new InvalidError("This cohort already has that training. Change its due date instead.", "target");
    }
    const assignmentId = newId();
    db.insert(assignments)
      .values({
        id: assignmentId,
        cohortId,
        courseId,
        courseVersionId,
        dueOn: input.dueOn,
        createdBy: actor.userId,
        createdAt: now,
      })
      .run();
    const members = memberIds(db, cohortId);
    for (const userId of members) {
      enrol(db, { orgId: actor.orgId, userId, courseId, courseVersionId, source: "assignment" }, now);
    }
    tellAssigned(db, actor.orgId, members, { courseVersionId, dueOn: input.dueOn }, now);
    recordAudit(
      db,
      {
        orgId: actor.orgId,
        actorUserId: actor.userId,
        action: "assignment.created",
        targetType: "cohort",
        targetId: cohortId,
        detail: { courseId },
      },
      now,
    );
    return { id: assignmentId };
  });
}

/** One of the cohort's assignments: an id from another cohort, or another organisation, is not found. */
export function assignmentOf(ctx: Context, cohortId: string, assignmentId: string) {
  const cohort = getCohort(ctx, cohortId);
  const assignment = ctx.db
    .select()
    .from(assignments)
    .where(and(eq(assignments.id, assignmentId), eq(assignments.cohortId, cohort.id)))
    .get();
  if (!assignment) throw new NotFoundError("That assignment");
  return assignment;
}

export function changeDueDate(ctx: Context, cohortId: string, assignmentId: string, dueOn: string | null) {
  inTransaction(ctx, (tx) => {
    const a = assignmentOf(tx, cohortId, assignmentId);
    // A date that has since passed may be saved again unchanged, with the other fields of its form.
    if (dueOn && dueOn < todayInLondon(tx.now) && dueOn !== a.dueOn) throw new InvalidError(PAST_DUE_DATE, "dueOn");
    tx.db.update(assignments).set({ dueOn }).where(eq(assignments.id, a.id)).run();
  });
}

export function removeAssignment(ctx: Context, cohortId: string, assignmentId: string) {
  inTransaction(ctx, (tx) => {
    const a = assignmentOf(tx, cohortId, assignmentId);
    tx.db.delete(assignments).where(eq(assignments.id, a.id)).run();
  });
}

/** A cohort's assignments, with how far behind the course's latest version each one is. */
export function listAssignments(db: DB, orgId: string, cohortId: string) {
  return db
    .select({
      id: assignments.id,
      courseId: assignments.courseId,
      courseVersionId: assignments.courseVersionId,
      title: courseVersions.title,
      version: courseVersions.version,
      dueOn: assignments.dueOn,
      selfPacedRoute: assignments.selfPacedRoute,
      items: courseVersions.items,
      single: courses.singleModuleId,
      latestVersion: sql<number>`(select max(v.version) from course_versions v where v.course_id = ${assignments.courseId})`,
    })
    .from(assignments)
    .innerJoin(cohorts, and(eq(cohorts.id, assignments.cohortId), eq(cohorts.orgId, orgId)))
    .innerJoin(courseVersions, eq(courseVersions.id, assignments.courseVersionId))
    .innerJoin(courses, eq(courses.id, assignments.courseId))
    .where(eq(assignments.cohortId, cohortId))
    .orderBy(asc(assignments.createdAt), sql`${assignments}.rowid`)
    .all();
}

/** The changelogs of a course's versions after one, oldest first. */
export function newerCourseVersions(db: DB, orgId: string, courseId: string, afterVersion: number) {
  return db
    .select({ id: courseVersions.id, version: courseVersions.version, changelog: courseVersions.changelog })
    .from(courseVersions)
    .where(
      and(
        eq(courseVersions.courseId, courseId),
        eq(courseVersions.orgId, orgId),
        gt(courseVersions.version, afterVersion),
      ),
    )
    .orderBy(asc(courseVersions.version))
    .all();
}

/**
 * The assignments page: what the cohort was given (with what changed in newer versions), and the
 * published courses it has not been given and the published modules it could be given on their own.
 */
export function assignmentsPage(ctx: Context, cohortId: string) {
  const cohort = getCohort(ctx, cohortId);
  const { db, actor } = ctx;
  const given = listAssignments(db, actor.orgId, cohort.id);
  const courseIds = new Set(given.map((a) => a.courseId));
  const selfPaced = selfPacedCounts(db, cohort.id);
  return {
    assignments: given.map((a) => ({
      id: a.id,
      title: a.title,
      version: a.version,
      dueOn: a.dueOn,
      selfPacedRoute: a.selfPacedRoute,
      selfPacedLearners: selfPaced.get(a.id) ?? 0,
      single: a.single !== null,
      newer: a.latestVersion > a.version ? newerCourseVersions(db, actor.orgId, a.courseId, a.version) : [],
    })),
    courses: coursesOf(db, actor.orgId).filter((c) => c.status === "published" && !courseIds.has(c.id)),
    modules: publishableModules(db, actor.orgId),
  };
}

/**
 * Moves a cohort to the course's newest version. Learners still working move with it and keep
 * every module they completed (completion follows the module, not its version); those who finished
 * keep the version they finished. Everyone moved is told what changed.
 */
export function moveToLatestVersion(ctx: Context, cohortId: string, assignmentId: string) {
  return inTransaction(ctx, (tx) => {
    const assignment = assignmentOf(tx, cohortId, assignmentId);
    const { db, actor, now } = tx;
    const current = db.select().from(courseVersions).where(eq(courseVersions.id, assignment.courseVersionId)).get();
    const latest = latestCourseVersion(db, actor.orgId, assignment.courseId);
    if (!current || !latest || latest.version <= current.version) return { moved: 0 };
    const changes = newerCourseVersions(db, actor.orgId, assignment.courseId, current.version);
    db.update(assignments).set({ courseVersionId: latest.id }).where(eq(assignments.id, assignment.id)).run();
    const moving = moveEnrolments(
      db,
      {
        orgId: actor.orgId,
        courseId: assignment.courseId,
        userIds: memberIds(db, assignment.cohortId),
        courseVersionId: latest.id,
      },
      now,
    );
    for (const e of moving) deriveCompletion(db, e, latest, now);
    notify(
      db,
      actor.orgId,
      moving.map((e) => e.userId),
      {
        kind: "course_updated",
        title: `${latest.title} has a new version (${latest.version})`,
        body: `What changed: ${changes.map((c) => `version ${c.version}: ${c.changelog}`).join(" ")} Everything you already completed still counts.`,
        link: "/learn",
      },
      now,
    );
    return { moved: moving.length };
  });
}

/** For a learner: the cohorts that give them each course, with due dates and facilitators. */
export function learnerAssignments(db: DB, orgId: string, userId: string) {
  return db
    .select({
      courseId: assignments.courseId,
      dueOn: assignments.dueOn,
      cohortId: cohorts.id,
      cohortName: cohorts.name,
    })
    .from(assignments)
    .innerJoin(cohorts, eq(cohorts.id, assignments.cohortId))
    .innerJoin(
      cohortMembers,
      and(eq(cohortMembers.cohortId, cohorts.id), eq(cohortMembers.userId, userId), isNull(cohortMembers.removedAt)),
    )
    .where(eq(cohorts.orgId, orgId))
    .all();
}
