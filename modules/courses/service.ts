import { and, asc, count, desc, eq, gt, inArray, isNull, max, sql } from "drizzle-orm";
import type { DB } from "../../db/client";
import { courseItems, courses, courseVersions, enrolments, moduleVersions } from "../../db/schema";
import { recordAudit } from "../audit/service";
import { type Context, inTransaction } from "../auth/context";
import { authorize } from "../auth/policy";
import { publishableModules } from "../publishing/service";
import { InvalidError, NotFoundError } from "../shared/errors";
import { newId } from "../shared/ids";
import type { CourseDetails } from "./schemas";

/** The course, when it is of the actor's organisation (else "not found") and they may compose courses. */
function courseToManage(ctx: Context, courseId: string) {
  const course = ctx.db
    .select()
    .from(courses)
    .where(and(eq(courses.id, courseId), eq(courses.orgId, ctx.actor.orgId)))
    .get();
  if (!course) throw new NotFoundError("That course");
  authorize(ctx.actor, "course.manage", course);
  return course;
}

export function createCourse(ctx: Context, details: CourseDetails) {
  authorize(ctx.actor, "course.manage");
  const id = newId();
  const { actor, now } = ctx;
  ctx.db
    .insert(courses)
    .values({ id, orgId: actor.orgId, ...details, createdBy: actor.userId, createdAt: now, updatedAt: now })
    .run();
  return { id };
}

export function updateCourse(ctx: Context, courseId: string, details: CourseDetails) {
  inTransaction(ctx, (tx) => {
    courseToManage(tx, courseId);
    tx.db
      .update(courses)
      .set({ ...details, updatedAt: tx.now })
      .where(eq(courses.id, courseId))
      .run();
  });
}

export function setCourseArchived(ctx: Context, courseId: string, archived: boolean) {
  inTransaction(ctx, (tx) => {
    courseToManage(tx, courseId);
    const hasVersion = tx.db
      .select({ n: count() })
      .from(courseVersions)
      .where(eq(courseVersions.courseId, courseId))
      .get();
    tx.db
      .update(courses)
      .set({ status: archived ? "archived" : (hasVersion?.n ?? 0) > 0 ? "published" : "draft", updatedAt: tx.now })
      .where(eq(courses.id, courseId))
      .run();
  });
}

/** The organisation's courses, for trainers and facilitators composing them. */
export function listCourses(ctx: Context) {
  authorize(ctx.actor, "course.manage");
  return coursesOf(ctx.db, ctx.actor.orgId);
}

/** The organisation's courses with their latest version and how many are enrolled. */
export function coursesOf(db: DB, orgId: string) {
  return (
    db
      .select({
        id: courses.id,
        title: courses.title,
        description: courses.description,
        status: courses.status,
        openToAll: courses.openToAll,
        // Drizzle writes a column of a query's only table without the table's name, and inside these
        // subqueries a bare "id" would mean the subquery's own id: the outer column is named in full.
        latestVersion: sql<
          number | null
        >`(select max(version) from course_versions cv where cv.course_id = courses.id)`,
        enrolled: sql<number>`(select count(*) from enrolments e where e.course_id = courses.id)`,
        modules: sql<number>`(select count(*) from course_items ci where ci.course_id = courses.id)`,
      })
      .from(courses)
      // Courses that only wrap a module assigned on its own are not courses anyone composed.
      .where(and(eq(courses.orgId, orgId), isNull(courses.singleModuleId)))
      .orderBy(desc(courses.updatedAt))
      .all()
  );
}

/**
 * The course being composed: its modules in order (each with its pinned version and what changed
 * since), the published modules that could be added, and the versions published so far.
 */
export function coursePage(ctx: Context, courseId: string) {
  const course = courseToManage(ctx, courseId);
  const items = courseItemsOf(ctx.db, course.id);
  const inCourse = new Set(items.map((i) => i.moduleId));
  return {
    course,
    items,
    available: publishableModules(ctx.db, ctx.actor.orgId).filter((m) => !inCourse.has(m.moduleId)),
    versions: courseVersionsOf(ctx.db, course.id),
  };
}

/** A course's items; only for a course already loaded in the actor's organisation. */
function courseItemsOf(db: DB, courseId: string) {
  const items = db
    .select({
      moduleId: courseItems.moduleId,
      position: courseItems.position,
      versionId: moduleVersions.id,
      version: moduleVersions.version,
      title: moduleVersions.title,
      estimatedMinutes: moduleVersions.estimatedMinutes,
      latestVersion: sql<number>`(select max(v2.version) from module_versions v2 where v2.module_id = ${courseItems.moduleId})`,
    })
    .from(courseItems)
    .innerJoin(moduleVersions, eq(moduleVersions.id, courseItems.moduleVersionId))
    .where(eq(courseItems.courseId, courseId))
    .orderBy(asc(courseItems.position))
    .all();
  const outdated = items.filter((i) => i.latestVersion > i.version);
  const newer =
    outdated.length === 0
      ? []
      : db
          .select({
            moduleId: moduleVersions.moduleId,
            version: moduleVersions.version,
            changelog: moduleVersions.changelog,
          })
          .from(moduleVersions)
          .where(
            inArray(
              moduleVersions.moduleId,
              outdated.map((i) => i.moduleId),
            ),
          )
          .orderBy(asc(moduleVersions.version))
          .all();
  return items.map((i) => ({
    ...i,
    // What changed since the pinned version, so the update is an informed choice.
    newer: newer.filter((n) => n.moduleId === i.moduleId && n.version > i.version),
  }));
}

/** A course's versions, newest first; only for a course already loaded in the actor's organisation. */
function courseVersionsOf(db: DB, courseId: string) {
  return db
    .select({
      id: courseVersions.id,
      version: courseVersions.version,
      changelog: courseVersions.changelog,
      publishedAt: courseVersions.publishedAt,
      // The outer column named in full (see coursesOf).
      enrolled: sql<number>`(select count(*) from ${enrolments} e where e.course_version_id = course_versions.id)`,
    })
    .from(courseVersions)
    .where(eq(courseVersions.courseId, courseId))
    .orderBy(desc(courseVersions.version))
    .all();
}

function latestModuleVersion(db: DB, orgId: string, moduleId: string) {
  const row = db
    .select({ id: moduleVersions.id })
    .from(moduleVersions)
    .where(and(eq(moduleVersions.moduleId, moduleId), eq(moduleVersions.orgId, orgId)))
    .orderBy(desc(moduleVersions.version))
    .limit(1)
    .get();
  if (!row) throw new InvalidError("Choose a published module.", "moduleId");
  return row.id;
}

export function addCourseModule(ctx: Context, courseId: string, moduleId: string) {
  inTransaction(ctx, (tx) => {
    courseToManage(tx, courseId);
    const { db, actor, now } = tx;
    const versionId = latestModuleVersion(db, actor.orgId, moduleId);
    const exists = db
      .select()
      .from(courseItems)
      .where(and(eq(courseItems.courseId, courseId), eq(courseItems.moduleId, moduleId)))
      .get();
    if (exists) throw new InvalidError("That module is already in the course.", "moduleId");
    const last = db
      .select({ p: max(courseItems.position) })
      .from(courseItems)
      .where(eq(courseItems.courseId, courseId))
      .get();
    db.insert(courseItems)
      .values({ courseId, moduleId, moduleVersionId: versionId, position: (last?.p ?? -1) + 1 })
      .run();
    db.update(courses).set({ updatedAt: now }).where(eq(courses.id, courseId)).run();
  });
}

function itemOf(db: DB, courseId: string, moduleId: string) {
  const item = db
    .select()
    .from(courseItems)
    .where(and(eq(courseItems.courseId, courseId), eq(courseItems.moduleId, moduleId)))
    .get();
  if (!item) throw new NotFoundError("That module in the course");
  return item;
}

export function removeCourseModule(ctx: Context, courseId: string, moduleId: string) {
  inTransaction(ctx, (tx) => {
    courseToManage(tx, courseId);
    const item = itemOf(tx.db, courseId, moduleId);
    tx.db
      .delete(courseItems)
      .where(and(eq(courseItems.courseId, courseId), eq(courseItems.moduleId, moduleId)))
      .run();
    tx.db
      .update(courseItems)
      .set({ position: sql`${courseItems.position} - 1` })
      .where(and(eq(courseItems.courseId, courseId), gt(courseItems.position, item.position)))
      .run();
  });
}

/** Moves a module one place up or down: the keyboard-friendly way to order a course. */
export function moveCourseModule(ctx: Context, courseId: string, moduleId: string, direction: "up" | "down") {
  inTransaction(ctx, (tx) => {
    courseToManage(tx, courseId);
    const { db } = tx;
    const item = itemOf(db, courseId, moduleId);
    const target = item.position + (direction === "up" ? -1 : 1);
    const other = db
      .select()
      .from(courseItems)
      .where(and(eq(courseItems.courseId, courseId), eq(courseItems.position, target)))
      .get();
    if (!other) return;
    db.update(courseItems)
      .set({ position: item.position })
      .where(and(eq(courseItems.courseId, courseId), eq(courseItems.moduleId, other.moduleId)))
      .run();
    db.update(courseItems)
      .set({ position: target })
      .where(and(eq(courseItems.courseId, courseId), eq(courseItems.moduleId, moduleId)))
      .run();
  });
}

/** Pins a module of the course to its newest published version (an explicit choice, never automatic). */
export function updateCourseModule(ctx: Context, courseId: string, moduleId: string) {
  inTransaction(ctx, (tx) => {
    courseToManage(tx, courseId);
    itemOf(tx.db, courseId, moduleId);
    tx.db
      .update(courseItems)
      .set({ moduleVersionId: latestModuleVersion(tx.db, tx.actor.orgId, moduleId) })
      .where(and(eq(courseItems.courseId, courseId), eq(courseItems.moduleId, moduleId)))
      .run();
  });
}

/** Freezes the course as composed into a new version. Learners already enrolled keep theirs. */
export function publishCourse(ctx: Context, courseId: string, changelog: string) {
  return inTransaction(ctx, (tx) => {
    const { db, actor, now } = tx;
    const course = courseToManage(tx, courseId);
    const items = courseItemsOf(db, courseId);
    if (items.length === 0) throw new InvalidError("Add at least one published module before publishing the course.");
    const latest = db
      .select({ v: max(courseVersions.version) })
      .from(courseVersions)
      .where(eq(courseVersions.courseId, courseId))
      .get();
    const version = (latest?.v ?? 0) + 1;
    const id = newId();
    db.insert(courseVersions)
      .values({
        id,
        courseId,
        orgId: course.orgId,
        version,
        title: course.title,
        description: course.description,
        changelog,
        items: items.map((i) => ({ moduleId: i.moduleId, moduleVersionId: i.versionId })),
        estimatedMinutes: items.reduce((sum, i) => sum + i.estimatedMinutes, 0),
        publishedBy: actor.userId,
        publishedAt: now,
      })
      .run();
    db.update(courses).set({ status: "published", updatedAt: now }).where(eq(courses.id, courseId)).run();
    recordAudit(
      db,
      {
        orgId: actor.orgId,
        actorUserId: actor.userId,
        action: "course.published",
        targetType: "course",
        targetId: courseId,
        detail: { version },
      },
      now,
    );
    return { id, version };
  });
}

/** A course's newest version, in the organisation given (for features that enrol or assign). */
export function latestCourseVersion(db: DB, orgId: string, courseId: string) {
  return db
    .select()
    .from(courseVersions)
    .where(and(eq(courseVersions.courseId, courseId), eq(courseVersions.orgId, orgId)))
    .orderBy(desc(courseVersions.version))
    .limit(1)
    .get();
}
