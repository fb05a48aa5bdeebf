import { eq } from "drizzle-orm";
import type { DB } from "../../db/client";
import { moduleVersions } from "../../db/schema";
import type { Context } from "../auth/context";
import { authorize } from "../auth/policy";
import type { DocJSON } from "../documents/json";
import type { Section } from "../documents/sections";
import { topicLabel } from "../documents/vocabulary";
import { latestAnswers, progressOf } from "../progress/read";
import { moduleState } from "../progress/state";
import { NotFoundError } from "../shared/errors";
import { reflectionsFor } from "./journal";
import type { LearnerPlace, Place } from "./place";
import type { Part } from "./player";
import { type CourseVersion, courseModules, type Enrolment, ownEnrolment } from "./service";
import { storiesShown } from "./stories";
import { cachedVersion } from "./version-cache";

function loadVersion(db: DB, versionId: string) {
  return cachedVersion(versionId, () => {
    const row = db
      .select({ doc: moduleVersions.doc })
      .from(moduleVersions)
      .where(eq(moduleVersions.id, versionId))
      .get();
    if (!row) throw new NotFoundError("That part of the course");
    return { doc: row.doc as DocJSON };
  });
}

/** The order of every section in the course, for previous / next and resuming. */
export function coursePath(db: DB, version: CourseVersion): Place[] {
  return courseModules(db, version.items).flatMap((m) =>
    m.sections.map((s) => ({ moduleVersionId: m.versionId, section: s.index })),
  );
}

function indexOf(path: Place[], place: Place) {
  return path.findIndex((p) => p.moduleVersionId === place.moduleVersionId && p.section === place.section);
}

export function nextPlace(db: DB, version: CourseVersion, place: Place): Place | null {
  const path = coursePath(db, version);
  const at = indexOf(path, place);
  return at >= 0 ? (path[at + 1] ?? null) : null;
}

/**
 * Where "Continue" takes the learner: the first section not yet done from where they last were
 * (the section itself when they were part-way through it), else the first one not done anywhere.
 * Null when every section is done.
 */
export function resumePlace(db: DB, enrolment: Enrolment, version: CourseVersion): Place | null {
  const modules = new Map(courseModules(db, version.items).map((m) => [m.versionId, m]));
  const path = coursePath(db, version);
  const progress = progressOf(db, enrolment.id);
  const notDone = (p: Place) => !progress.done.get(p.moduleVersionId)?.has(p.section);
  // A section read with a knowledge check not yet answered right is still to be finished.
  const checkLeft = (p: Place) =>
    progress.done.get(p.moduleVersionId)?.get(p.section) === "viewed" &&
    (modules.get(p.moduleVersionId)?.sections[p.section - 1]?.checks ?? []).some(
      (c) => !progress.passed.get(p.moduleVersionId)?.has(c),
    );
  const last =
    enrolment.resumeModuleVersionId && enrolment.resumeSection
      ? indexOf(path, { moduleVersionId: enrolment.resumeModuleVersionId, section: enrolment.resumeSection })
      : -1;
  const from = path.slice(Math.max(last, 0));
  return from.find(notDone) ?? path.find(notDone) ?? path.find(checkLeft) ?? null;
}

/** What the content-note gate names before a section, or null when the section has none. */
export function contentNoteOf(section: Section): string[] | null {
  return section.contentNoteTopics.length > 0 || section.customTopics.length > 0
    ? [...section.contentNoteTopics.filter((t) => t !== "custom").map((t) => topicLabel(t)), ...section.customTopics]
    : null;
}

/**
 * Everything the section page shows: the section's parts, the learner's own answers and journal
 * entries for it, the content note, and where previous and next go.
 */
export function sectionPage(ctx: Context, place: LearnerPlace) {
  const { db, actor } = ctx;
  const { enrolment, version, module } = place;
  const loaded = loadVersion(db, module.versionId);
  const section = loaded.sections[place.section.index - 1];
  if (!section) throw new NotFoundError("That section");
  const parts: Part[] = loaded.parts(section.index);
  const path = coursePath(db, version);
  const at = indexOf(path, { moduleVersionId: module.versionId, section: section.index });
  const progress = progressOf(db, enrolment.id);
  const answers = latestAnswers(db, enrolment.id, module.versionId);
  const journal = reflectionsFor(db, actor, enrolment.id, module.versionId);
  return {
    enrolmentId: enrolment.id,
    courseTitle: version.title,
    module: { title: module.title, versionId: module.versionId, sectionCount: loaded.sections.length },
    section: {
      index: section.index,
      title: section.title,
      contentNote: contentNoteOf(section),
      status: progress.done.get(module.versionId)?.get(section.index) ?? null,
    },
    parts: storiesShown(db, module.moduleId, parts).map((p) => {
      if (p.kind === "check") {
        const answer = answers.get(p.id);
        return { ...p, answer: answer ?? null };
      }
      if (p.kind === "reflection") return { ...p, saved: journal.get(p.id) ?? null };
      return p;
    }),
    previous: at > 0 ? (path[at - 1] ?? null) : null,
    next: at >= 0 ? (path[at + 1] ?? null) : null,
  };
}

/** The knowledge checks of one section of a module version. */
export function checksInSection(db: DB, moduleVersionId: string, sectionIndex: number) {
  return loadVersion(db, moduleVersionId)
    .parts(sectionIndex)
    .filter((p): p is Extract<Part, { kind: "check" }> => p.kind === "check");
}

/** The section's check by id: an id that is not in this section (forged or stale) answers null. */
export function checkInSection(db: DB, moduleVersionId: string, sectionIndex: number, checkId: string) {
  return checksInSection(db, moduleVersionId, sectionIndex).find((p) => p.id === checkId) ?? null;
}

export function reflectionInSection(db: DB, moduleVersionId: string, sectionIndex: number, promptId: string) {
  const part = loadVersion(db, moduleVersionId)
    .parts(sectionIndex)
    .find((p) => p.kind === "reflection" && p.id === promptId);
  return part?.kind === "reflection" ? part : null;
}

export function sectionCount(db: DB, moduleVersionId: string) {
  return loadVersion(db, moduleVersionId).sections.length;
}

/** The course outline with the learner's own progress on every section. */
export function courseOutline(ctx: Context, enrolmentId: string) {
  authorize(ctx.actor, "learning.take");
  const { db } = ctx;
  const { enrolment, version } = ownEnrolment(db, ctx.actor, enrolmentId);
  const progress = progressOf(db, enrolment.id);
  const modules = courseModules(db, version.items).map((m) => {
    const done = progress.done.get(m.versionId);
    const sections = m.sections.map((s) => ({ index: s.index, title: s.title, status: done?.get(s.index) ?? null }));
    return {
      versionId: m.versionId,
      title: m.title,
      version: m.version,
      estimatedMinutes: m.estimatedMinutes,
      sections,
      state: progress.modules.get(m.moduleId) ?? moduleState(null),
    };
  });
  return {
    enrolmentId: enrolment.id,
    courseId: enrolment.courseId,
    title: version.title,
    version: version.version,
    description: version.description,
    modules,
    completedAt: progress.courseCompletedAt,
    resume: resumePlace(db, enrolment, version),
  };
}
