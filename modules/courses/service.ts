import { and, asc, count, desc, eq, gt, inArray, isNull, max, sql } from "drizzle-orm";
import type { DB } from "../../db/client";
import { courseItems, courses, courseVersions, enrolments, moduleVersions } from "../../db/schema";
import { recordAudit } from "../audit/service";
import type { Actor } from "../auth/policy";
import { InvalidError, NotFoundError } from "../shared/errors";
import { newId } from "../shared/ids";
import type { CourseDetails } from "./schemas";

export function getCourse(db: DB, orgId: string, courseId: string) {
  const course = db.select().from(courses).where(eq(courses.id, courseId)).get();
  if (!course || course.orgId !== orgId) throw new NotFoundError("That course");
  return course;
}

export function createCourse(db: DB, actor: Actor, details: CourseDetails, now = new Date()) {
  const id = newId();
  db.insert(courses)
    .values({ id, orgId: actor.orgId, ...details, createdBy: actor.userId, createdAt: now, updatedAt: now })
    .run();
  return { id };
}

export function updateCourse(db: DB, actor: Actor, courseId: string, details: CourseDetails, now = new Date()) {
  getCourse(db, actor.orgId, courseId);
  db.update(courses)
    .set({ ...details, updatedAt: now })
    .where(eq(courses.id, courseId))
    .run();
}

export function setCourseArchived(db: DB, actor: Actor, courseId: string, archived: boolean, now = new Date()) {
  getCourse(db, actor.orgId, courseId);
  const hasVersion = db.select({ n: count() }).from(courseVersions).where(eq(courseVersions.courseId, courseId)).get();
  db.update(courses)
    .set({ status: archived ? "archived" : (hasVersion?.n ?? 0) > 0 ? "published" : "draft", updatedAt: now })
    .where(eq(courses.id, courseId))
    .run();
}

/** The organisation's courses with their latest version and how many are enrolled. */
export function listCourses(db: DB, orgId: string) {
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

/** The course being composed, each item with its pinned version and the newest version available. */
export function courseItemsOf(db: DB, courseId: string) {
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

function latestModuleVersion(db: DB, orgId: string, moduleId: string) {
  const row = db
    .select({ id: moduleVersions.id, orgId: moduleVersions.orgId })
    .from(moduleVersions)
    .where(eq(moduleVersions.moduleId, moduleId))
    .orderBy(desc(moduleVersions.version))
    .limit(1)
    .get();
  if (!row || row.orgId !== orgId) throw new InvalidError("Choose a published module.", "moduleId");
  return row.id;
}

export function addCourseModule(db: DB, actor: Actor, courseId: string, moduleId: string, now = new Date()) {
  db.transaction((tx) => {
    getCourse(tx, actor.orgId, courseId);
    const versionId = latestModuleVersion(tx, actor.orgId, moduleId);
    const exists = tx
      .select()
      .from(courseItems)
      .where(and(eq(courseItems.courseId, courseId), eq(courseItems.moduleId, moduleId)))
      .get();
    if (exists) throw new InvalidError("That module is already in the course.", "moduleId");
    const last = tx
      .select({ p: max(courseItems.position) })
      .from(courseItems)
      .where(eq(courseItems.courseId, courseId))
      .get();
    tx.insert(courseItems)
      .values({ courseId, moduleId, moduleVersionId: versionId, position: (last?.p ?? -1) + 1 })
      .run();
    tx.update(courses).set({ updatedAt: now }).where(eq(courses.id, courseId)).run();
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

export function removeCourseModule(db: DB, actor: Actor, courseId: string, moduleId: string) {
  db.transaction((tx) => {
    getCourse(tx, actor.orgId, courseId);
    const item = itemOf(tx, courseId, moduleId);
    tx.delete(courseItems)
      .where(and(eq(courseItems.courseId, courseId), eq(courseItems.moduleId, moduleId)))
      .run();
    tx.update(courseItems)
      .set({ position: sql`${courseItems.position} - 1` })
      .where(and(eq(courseItems.courseId, courseId), gt(courseItems.position, item.position)))
      .run();
  });
}

/** Moves a module one place up or down: the keyboard-friendly way to order a course. */
export function moveCourseModule(db: DB, actor: Actor, courseId: string, moduleId: string, direction: "up" | "down") {
  db.transaction((tx) => {
    getCourse(tx, actor.orgId, courseId);
    const item = itemOf(tx, courseId, moduleId);
    const target = item.position + (direction === "up" ? -1 : 1);
    const other = tx
      .select()
      .from(courseItems)
      .where(and(eq(courseItems.courseId, courseId), eq(courseItems.position, target)))
      .get();
    if (!other) return;
    tx.update(courseItems)
      .set({ position: item.position })
      .where(and(eq(courseItems.courseId, courseId), eq(courseItems.moduleId, other.moduleId)))
      .run();
    tx.update(courseItems)
      .set({ position: target })
      .where(and(eq(courseItems.courseId, courseId), eq(courseItems.moduleId, moduleId)))
      .run();
  });
}

/** Pins a module of the course to its newest published version (an explicit choice, never automatic). */
export function updateCourseModule(db: DB, actor: Actor, courseId: string, moduleId: string) {
  db.transaction((tx) => {
    getCourse(tx, actor.orgId, courseId);
    itemOf(tx, courseId, moduleId);
    tx.update(courseItems)
      .set({ moduleVersionId: latestModuleVersion(tx, actor.orgId, moduleId) })
      .where(and(eq(courseItems.courseId, courseId), eq(courseItems.moduleId, moduleId)))
      .run();
  });
}

/** Freezes the course as composed into a new version. Learners already enrolled keep theirs. */
export function publishCourse(db: DB, actor: Actor, courseId: string, changelog: string, now = new Date()) {
  return db.transaction((tx) => {
    const course = getCourse(tx, actor.orgId, courseId);
    const items = courseItemsOf(tx, courseId);
    if (items.length === 0) throw new InvalidError("Add at least one published module before publishing the course.");
    const latest = tx
      .select({ v: max(courseVersions.version) })
      .from(courseVersions)
      .where(eq(courseVersions.courseId, courseId))
      .get();
    const version = (latest?.v ?? 0) + 1;
    const id = newId();
    tx.insert(courseVersions)
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
    tx.update(courses).set({ status: "published", updatedAt: now }).where(eq(courses.id, courseId)).run();
    recordAudit(
      tx,
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

export function courseVersionsOf(db: DB, courseId: string) {
  return db
    .select({
      id: courseVersions.id,
      version: courseVersions.version,
      changelog: courseVersions.changelog,
      publishedAt: courseVersions.publishedAt,
      // The outer column named in full (see listCourses).
      enrolled: sql<number>`(select count(*) from ${enrolments} e where e.course_version_id = course_versions.id)`,
    })
    .from(courseVersions)
    .where(eq(courseVersions.courseId, courseId))
    .orderBy(desc(courseVersions.version))
    .all();
}

export function latestCourseVersion(db: DB, courseId: string) {
  return db
    .select()
    .from(courseVersions)
    .where(eq(courseVersions.courseId, courseId))
    .orderBy(desc(courseVersions.version))
    .limit(1)
    .get();
}

export function getCourseVersion(db: DB, orgId: string, courseVersionId: string) {
  const row = db.select().from(courseVersions).where(eq(courseVersions.id, courseVersionId)).get();
  if (!row || row.orgId !== orgId) throw new NotFoundError("That course version");
  return row;
}
