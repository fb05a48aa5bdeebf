import { and, asc, eq, gt, isNull, sql } from "drizzle-orm";
import type { DB } from "../../db/client";
import { assignments, cohortMembers, cohorts, courses, courseVersions } from "../../db/schema";
import { recordAudit } from "../audit/service";
import type { Actor } from "../auth/policy";
import { latestCourseVersion } from "../courses/service";
import { singleModuleCourse } from "../courses/single-module";
import { moveEnrolments } from "../learning/enrolment";
import { deriveCompletion, enrol } from "../learning/service";
import { notify } from "../notices/service";
import { formatDay, todayInLondon } from "../shared/dates";
import { InvalidError, NotFoundError } from "../shared/errors";
import { newId } from "../shared/ids";

/** Everyone currently in a cohort. */
function memberIds(db: DB, cohortId: string): string[] {
  return db
    .select({ userId: cohortMembers.userId })
    .from(cohortMembers)
    .where(and(eq(cohortMembers.cohortId, cohortId), isNull(cohortMembers.removedAt)))
    .all()
    .map((r) => r.userId);
}

/** Enrols people in everything assigned to the cohort (already enrolled ones keep their enrolment). */
export function enrolInCohortAssignments(db: DB, orgId: string, cohortId: string, userIds: string[], now: Date) {
  const assigned = db.select().from(assignments).where(eq(assignments.cohortId, cohortId)).all();
  for (const a of assigned) {
    // The version the cohort is on, not the course's latest: the trainer moves a cohort on explicitly.
    for (const userId of userIds) {
      enrol(db, { orgId, userId, courseId: a.courseId, courseVersionId: a.courseVersionId, source: "assignment" }, now);
    }
    const title = db
      .select({ t: courseVersions.title })
      .from(courseVersions)
      .where(eq(courseVersions.id, a.courseVersionId))
      .get()?.t;
    notify(
      db,
      orgId,
      userIds,
      {
        kind: "assignment",
        title: `New training for you: ${title ?? "a course"}`,
        body: a.dueOn ? `Please finish it by ${formatDay(a.dueOn)}.` : "There is no due date: go at your own pace.",
        link: "/learn",
      },
      now,
    );
  }
}

/**
 * Gives a cohort a published course (its latest version) or a single published module, with an
 * optional due date that is not in the past. Every learner in the cohort is enrolled and told.
 */
export function assign(
  db: DB,
  actor: Actor,
  cohortId: string,
  input: { target: string; dueOn: string | null },
  now = new Date(),
) {
  if (input.dueOn && input.dueOn < todayInLondon(now)) {
    throw new InvalidError("The due date is in the past. Choose today or a later date, or leave it empty.", "dueOn");
  }
  return db.transaction((tx) => {
    const cohort = tx.select().from(cohorts).where(eq(cohorts.id, cohortId)).get();
    if (!cohort || cohort.orgId !== actor.orgId) throw new NotFoundError("That cohort");
    const [kind, id = ""] = input.target.split(":");
    let courseId: string;
    let courseVersionId: string;
    if (kind === "module") {
      const wrapped = singleModuleCourse(tx, actor, id, now);
      if (!wrapped) throw new InvalidError("That module has not been published yet.", "target");
      ({ courseId, courseVersionId } = wrapped);
    } else {
      const course = tx.select().from(courses).where(eq(courses.id, id)).get();
      if (!course || course.orgId !== actor.orgId) throw new InvalidError("Choose a course from the list.", "target");
      const latest = latestCourseVersion(tx, actor.orgId, id);
      if (!latest || course.status !== "published") {
        throw new InvalidError("That course has not been published yet. Publish it first, then assign it.", "target");
      }
      courseId = course.id;
      courseVersionId = latest.id;
    }
    const already = tx
      .select({ id: assignments.id })
      .from(assignments)
      .where(and(eq(assignments.cohortId, cohortId), eq(assignments.courseId, courseId)))
      .get();
    if (already)
      throw new InvalidError("This cohort already has that training. Change its due date instead.", "target");
    const assignmentId = newId();
    tx.insert(assignments)
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
    const members = memberIds(tx, cohortId);
    for (const userId of members) {
      enrol(tx, { orgId: actor.orgId, userId, courseId, courseVersionId, source: "assignment" }, now);
    }
    const title = tx
      .select({ t: courseVersions.title })
      .from(courseVersions)
      .where(eq(courseVersions.id, courseVersionId))
      .get()?.t;
    notify(
      tx,
      actor.orgId,
      members,
      {
        kind: "assignment",
        title: `New training for you: ${title ?? "a course"}`,
        body: input.dueOn
          ? `Please finish it by ${formatDay(input.dueOn)}.`
          : "There is no due date: go at your own pace.",
        link: "/learn",
      },
      now,
    );
    recordAudit(
      tx,
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

export function changeDueDate(db: DB, actor: Actor, assignmentId: string, dueOn: string | null, now = new Date()) {
  const a = assignmentOf(db, actor, assignmentId);
  if (dueOn && dueOn < todayInLondon(now) && dueOn !== a.dueOn) {
    throw new InvalidError("The due date is in the past. Choose today or a later date, or leave it empty.", "dueOn");
  }
  db.update(assignments).set({ dueOn }).where(eq(assignments.id, assignmentId)).run();
}

function assignmentOf(db: DB, actor: Actor, assignmentId: string) {
  const row = db
    .select({ assignment: assignments, orgId: cohorts.orgId })
    .from(assignments)
    .innerJoin(cohorts, eq(cohorts.id, assignments.cohortId))
    .where(eq(assignments.id, assignmentId))
    .get();
  if (!row || row.orgId !== actor.orgId) throw new NotFoundError("That assignment");
  return row.assignment;
}

export function removeAssignment(db: DB, actor: Actor, assignmentId: string) {
  assignmentOf(db, actor, assignmentId);
  db.delete(assignments).where(eq(assignments.id, assignmentId)).run();
}

/** A cohort's assignments, with how far behind the course's latest version each one is. */
export function listAssignments(db: DB, cohortId: string) {
  return db
    .select({
      id: assignments.id,
      courseId: assignments.courseId,
      courseVersionId: assignments.courseVersionId,
      title: courseVersions.title,
      version: courseVersions.version,
      dueOn: assignments.dueOn,
      items: courseVersions.items,
      single: courses.singleModuleId,
      latestVersion: sql<number>`(select max(v.version) from course_versions v where v.course_id = ${assignments.courseId})`,
    })
    .from(assignments)
    .innerJoin(courseVersions, eq(courseVersions.id, assignments.courseVersionId))
    .innerJoin(courses, eq(courses.id, assignments.courseId))
    .where(eq(assignments.cohortId, cohortId))
    .orderBy(asc(assignments.createdAt), sql`${assignments}.rowid`)
    .all();
}

/** The changelogs between an assignment's version and the course's latest, oldest first. */
export function newerCourseVersions(db: DB, courseId: string, afterVersion: number) {
  return db
    .select({ id: courseVersions.id, version: courseVersions.version, changelog: courseVersions.changelog })
    .from(courseVersions)
    .where(and(eq(courseVersions.courseId, courseId), gt(courseVersions.version, afterVersion)))
    .orderBy(asc(courseVersions.version))
    .all();
}

/**
 * Moves a cohort to the course's newest version. Learners still working move with it and keep
 * every module they completed (completion follows the module, not its version); those who finished
 * keep the version they finished. Everyone moved is told what changed.
 */
export function moveToLatestVersion(db: DB, actor: Actor, assignmentId: string, now = new Date()) {
  return db.transaction((tx) => {
    const assignment = assignmentOf(tx, actor, assignmentId);
    const current = tx.select().from(courseVersions).where(eq(courseVersions.id, assignment.courseVersionId)).get();
    const latest = latestCourseVersion(tx, actor.orgId, assignment.courseId);
    if (!current || !latest || latest.version <= current.version) return { moved: 0 };
    const changes = newerCourseVersions(tx, assignment.courseId, current.version);
    tx.update(assignments).set({ courseVersionId: latest.id }).where(eq(assignments.id, assignment.id)).run();
    const members = memberIds(tx, assignment.cohortId);
    const moving = moveEnrolments(
      tx,
      { orgId: actor.orgId, courseId: assignment.courseId, userIds: members, courseVersionId: latest.id },
      now,
    );
    for (const e of moving) deriveCompletion(tx, e, latest, now);
    notify(
      tx,
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
