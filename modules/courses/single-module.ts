import { and, desc, eq, sql } from "drizzle-orm";
import type { DB } from "../../db/client";
import { courses, courseVersions, moduleVersions } from "../../db/schema";
import { newId } from "../shared/ids";
import { latestCourseVersion } from "./service";

/**
 * A module given to a cohort on its own becomes a one-module course behind the scenes, so the same
 * player, progress and exports serve it: one such course per module, with a version for each module
 * version given. Null when the module has no published version in the organisation.
 */
export function singleModuleCourse(db: DB, by: { orgId: string; userId: string }, moduleId: string, now: Date) {
  const version = db
    .select()
    .from(moduleVersions)
    .where(and(eq(moduleVersions.moduleId, moduleId), eq(moduleVersions.orgId, by.orgId)))
    .orderBy(desc(moduleVersions.version))
    .limit(1)
    .get();
  if (!version) return null;
  const existing = db
    .select({ courseId: courses.id, versionId: courseVersions.id })
    .from(courses)
    .innerJoin(courseVersions, eq(courseVersions.courseId, courses.id))
    .where(
      and(
        eq(courses.orgId, by.orgId),
        eq(courses.singleModuleId, moduleId),
        sql`exists (select 1 from json_each(${courseVersions.items}) where json_extract(value, '$.moduleVersionId') = ${version.id})`,
      ),
    )
    .get();
  if (existing) return { courseId: existing.courseId, courseVersionId: existing.versionId };
  let course = db
    .select()
    .from(courses)
    .where(and(eq(courses.orgId, by.orgId), eq(courses.singleModuleId, moduleId)))
    .get();
  if (!course) {
    course = {
      id: newId(),
      orgId: by.orgId,
      title: version.title,
      description: version.summary,
      openToAll: false,
      status: "published",
      singleModuleId: moduleId,
      createdBy: by.userId,
      createdAt: now,
      updatedAt: now,
    };
    db.insert(courses).values(course).run();
  }
  const latest = latestCourseVersion(db, by.orgId, course.id);
  const courseVersionId = newId();
  db.insert(courseVersions)
    .values({
      id: courseVersionId,
      courseId: course.id,
      orgId: by.orgId,
      version: (latest?.version ?? 0) + 1,
      title: version.title,
      description: version.summary,
      changelog: version.changelog,
      items: [{ moduleId, moduleVersionId: version.id }],
      estimatedMinutes: version.estimatedMinutes,
      publishedBy: by.userId,
      publishedAt: now,
    })
    .run();
  return { courseId: course.id, courseVersionId };
}
