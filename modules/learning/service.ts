import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { DB } from "../../db/client";
import { prepared, settable } from "../../db/prepared";
import {
  type CourseVersionItem,
  courseCompletions,
  courses,
  courseVersions,
  enrolments,
  moduleProgress,
  moduleVersions,
} from "../../db/schema";
import type { Context } from "../auth/context";
import { type Actor, authorize, can } from "../auth/policy";
import { latestCourseVersion } from "../courses/service";
import { creditLine, publishedCredits } from "../credits/service";
import { topicLabel } from "../documents/vocabulary";
import { type CoursePlan, deriveCompletion as derive } from "../progress/record";
import { ForbiddenError, InvalidError, NotFoundError } from "../shared/errors";
import { newId } from "../shared/ids";

export type Enrolment = typeof enrolments.$inferSelect;
export type CourseVersion = typeof courseVersions.$inferSelect;

/**
 * Enrols a learner on a course version: the one their cohort was given, or else the course's latest
 * published one. Someone already enrolled keeps their enrolment: they keep the version they started
 * until they finish or are moved on.
 */
export function enrol(
  db: DB,
  input: { orgId: string; userId: string; courseId: string; courseVersionId?: string; source: "self" | "assignment" },
  now = new Date(),
) {
  const existing = db
    .select()
    .from(enrolments)
    .where(and(eq(enrolments.userId, input.userId), eq(enrolments.courseId, input.courseId)))
    .get();
  if (existing) return existing;
  const version = input.courseVersionId
    ? db.select().from(courseVersions).where(eq(courseVersions.id, input.courseVersionId)).get()
    : latestCourseVersion(db, input.orgId, input.courseId);
  if (!version || version.courseId !== input.courseId)
    throw new InvalidError("This course has not been published yet.");
  const row = {
    id: newId(),
    orgId: input.orgId,
    userId: input.userId,
    courseId: input.courseId,
    courseVersionId: version.id,
    source: input.source,
    resumeModuleVersionId: null,
    resumeSection: null,
    createdAt: now,
    updatedAt: now,
  };
  db.insert(enrolments).values(row).run();
  return row;
}

/** A learner enrols themself: only in a published course their organisation opens to all members. */
export function enrolSelf(ctx: Context, courseId: string) {
  authorize(ctx.actor, "learning.take");
  const course = ctx.db
    .select()
    .from(courses)
    .where(and(eq(courses.id, courseId), eq(courses.orgId, ctx.actor.orgId)))
    .get();
  if (!course) throw new NotFoundError("That course");
  if (course.status !== "published") throw new InvalidError("This course is not open at the moment.");
  if (!course.openToAll) throw new ForbiddenError("This course is given by trainers to their groups.");
  return enrol(ctx.db, { orgId: ctx.actor.orgId, userId: ctx.actor.userId, courseId, source: "self" }, ctx.now);
}

/** One of the learner's own enrolments with its course version. Anyone else's answers "not found". */
const enrolmentQuery = prepared((db) =>
  db
    .select({ enrolment: enrolments, version: courseVersions })
    .from(enrolments)
    .innerJoin(courseVersions, eq(courseVersions.id, enrolments.courseVersionId))
    .where(eq(enrolments.id, sql.placeholder("enrolmentId")))
    .prepare(),
);

export function ownEnrolment(db: DB, actor: Actor, enrolmentId: string) {
  const row = enrolmentQuery(db).get({ enrolmentId });
  if (!row || row.enrolment.userId !== actor.userId || row.enrolment.orgId !== actor.orgId) {
    throw new NotFoundError("That course");
  }
  return row;
}

export type CourseModule = {
  moduleId: string;
  versionId: string;
  orgId: string;
  version: number;
  title: string;
  summary: string;
  estimatedMinutes: number;
  sections: { index: number; title: string; contentNotes: string[]; checks: string[] }[];
  contentNotes: string[];
  credits: { userId: string; role: string | null }[];
  originCredit: string | null;
};

/**
 * Module versions never change, so each one's listing facts are kept in memory once read (bounded,
 * least recently used out first): every section page needs the whole course's outline.
 */
const MAX_CACHED_MODULES = 500;
const moduleCache = new Map<string, CourseModule>();

function remember(module: CourseModule) {
  moduleCache.delete(module.versionId);
  if (moduleCache.size >= MAX_CACHED_MODULES) moduleCache.delete(moduleCache.keys().next().value as string);
  moduleCache.set(module.versionId, module);
}

/** The modules of a course version, in order, with their sections (at most one query). */
export function courseModules(db: DB, items: CourseVersionItem[]): CourseModule[] {
  if (items.length === 0) return [];
  const missing = items.map((i) => i.moduleVersionId).filter((id) => !moduleCache.has(id));
  if (missing.length > 0) for (const row of readModules(db, missing)) remember(row);
  return items.flatMap((i) => {
    const module = moduleCache.get(i.moduleVersionId);
    if (!module) return [];
    remember(module);
    return [module];
  });
}

function readModules(db: DB, versionIds: string[]): CourseModule[] {
  return db
    .select({
      moduleId: moduleVersions.moduleId,
      versionId: moduleVersions.id,
      orgId: moduleVersions.orgId,
      version: moduleVersions.version,
      title: moduleVersions.title,
      summary: moduleVersions.summary,
      estimatedMinutes: moduleVersions.estimatedMinutes,
      sections: moduleVersions.sections,
      contentNotes: moduleVersions.contentNotes,
      credits: moduleVersions.credits,
      originCredit: moduleVersions.originCredit,
    })
    .from(moduleVersions)
    .where(inArray(moduleVersions.id, versionIds))
    .all();
}

/** The module version, if it belongs to the course version the learner is taking. */
export function moduleInEnrolment(version: CourseVersion, moduleVersionId: string) {
  const item = version.items.find((i) => i.moduleVersionId === moduleVersionId);
  if (!item) throw new NotFoundError("That part of the course");
  return item;
}

/** What completion is judged against for an enrolment: its course version's modules. */
export function planOf(db: DB, enrolment: Pick<Enrolment, "id">, version: CourseVersion): CoursePlan {
  return {
    enrolmentId: enrolment.id,
    courseVersionId: version.id,
    modules: courseModules(db, version.items).map((m) => ({
      moduleId: m.moduleId,
      versionId: m.versionId,
      sections: m.sections,
    })),
  };
}

/** Derives completion for an enrolment on the version it is on now (after a step, or a version move). */
export function deriveCompletion(
  db: DB,
  enrolment: Pick<Enrolment, "id" | "courseVersionId">,
  version: CourseVersion,
  now: Date,
) {
  derive(db, planOf(db, enrolment, version), now);
}

const placeUpdate = prepared((db) =>
  db
    .update(enrolments)
    .set({
      resumeModuleVersionId: settable<string>("moduleVersionId"),
      resumeSection: settable<number>("section"),
      updatedAt: settable<Date>("now"),
    })
    .where(eq(enrolments.id, sql.placeholder("enrolmentId")))
    .prepare(),
);

/** Remembers where the learner last was, so "Continue" can take them on from there (every step). */
export function rememberPlace(
  db: DB,
  enrolmentId: string,
  place: { moduleVersionId: string; section: number },
  now: Date,
) {
  placeUpdate(db).run({ enrolmentId, moduleVersionId: place.moduleVersionId, section: place.section, now });
}

/** The learner's courses: what they are taking, with progress, plus courses open to everyone. */
export function myLearning(db: DB, actor: Actor) {
  const mine = db
    .select({
      enrolmentId: enrolments.id,
      courseId: enrolments.courseId,
      title: courseVersions.title,
      version: courseVersions.version,
      estimatedMinutes: courseVersions.estimatedMinutes,
      modules: sql<number>`json_array_length(${courseVersions.items})`,
      completedModules: sql<number>`(select count(*) from ${moduleProgress} mp where mp.enrolment_id = ${enrolments.id} and mp.completed_at is not null and mp.module_id in (select json_extract(value, '$.moduleId') from json_each(${courseVersions.items})))`,
      begun: sql<number>`exists (select 1 from ${moduleProgress} mp where mp.enrolment_id = ${enrolments.id})`,
      completedAt: courseCompletions.completedAt,
      updatedAt: enrolments.updatedAt,
    })
    .from(enrolments)
    .innerJoin(courseVersions, eq(courseVersions.id, enrolments.courseVersionId))
    .leftJoin(courseCompletions, eq(courseCompletions.enrolmentId, enrolments.id))
    .where(and(eq(enrolments.userId, actor.userId), eq(enrolments.orgId, actor.orgId)))
    .orderBy(desc(enrolments.updatedAt))
    .all();
  const enrolled = new Set(mine.map((m) => m.courseId));
  const open = db
    .select({ id: courses.id, title: courses.title, description: courses.description })
    .from(courses)
    .where(and(eq(courses.orgId, actor.orgId), eq(courses.status, "published"), eq(courses.openToAll, true)))
    .orderBy(asc(courses.title))
    .all()
    .filter((c) => !enrolled.has(c.id));
  return { mine, open };
}

/**
 * A published course as a learner sees it before starting: outline, time, what it touches, and
 * who made it (names resolved from each person's current credit choice).
 */
export function courseLanding(ctx: Context, courseId: string) {
  const { db, actor } = ctx;
  const course = db
    .select()
    .from(courses)
    .where(and(eq(courses.id, courseId), eq(courses.orgId, actor.orgId), eq(courses.status, "published")))
    .get();
  if (!course) throw new NotFoundError("That course");
  const version = latestCourseVersion(db, actor.orgId, courseId);
  if (!version) throw new NotFoundError("That course");
  const modules = courseModules(db, version.items);
  const enrolment = db
    .select({ id: enrolments.id })
    .from(enrolments)
    .where(and(eq(enrolments.userId, actor.userId), eq(enrolments.courseId, courseId)))
    .get();
  const topics = [...new Set(modules.flatMap((m) => m.contentNotes))].map((t) =>
    t.startsWith("custom:") ? t.slice("custom:".length) : topicLabel(t),
  );
  return {
    course: { id: course.id, title: version.title, description: version.description, openToAll: course.openToAll },
    version: version.version,
    estimatedMinutes: version.estimatedMinutes,
    modules: modules.map((m) => ({
      title: m.title,
      version: m.version,
      estimatedMinutes: m.estimatedMinutes,
      summary: m.summary,
      sections: m.sections.map((s) => s.title),
    })),
    contentNotes: topics,
    creditLine: creditLine(
      publishedCredits(
        db,
        modules.map((m) => ({
          moduleId: m.moduleId,
          userIds: m.credits.map((c) => c.userId),
          originCredit: m.originCredit,
        })),
      ),
    ),
    enrolmentId: enrolment?.id ?? null,
    canEnrol: can(actor, "learning.take"),
  };
}

/** The certificate of a completed course: who, what, which version, when. */
export function certificate(ctx: Context, enrolmentId: string) {
  authorize(ctx.actor, "learning.take");
  const { enrolment, version } = ownEnrolment(ctx.db, ctx.actor, enrolmentId);
  const done = ctx.db
    .select({ at: courseCompletions.completedAt })
    .from(courseCompletions)
    .where(eq(courseCompletions.enrolmentId, enrolment.id))
    .get();
  if (!done) return null;
  return { name: ctx.actor.name, course: version.title, version: version.version, completedAt: done.at };
}
