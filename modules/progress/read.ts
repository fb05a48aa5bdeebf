import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { DB } from "../../db/client";
import { prepared } from "../../db/prepared";
import { courseCompletions, moduleProgress, progressEvents } from "../../db/schema";
import { type ModuleState, moduleState } from "./state";

export type Progress = {
  /** Per module version, the sections viewed or skipped for now. */
  done: Map<string, Map<number, "viewed" | "skipped">>;
  /** Per module version, the knowledge checks answered right at least once. */
  passed: Map<string, Set<string>>;
  /** Per module (whatever the version), its state. */
  modules: Map<string, ModuleState>;
  courseCompletedAt: Date | null;
};

const progressQueries = prepared((db) => ({
  events: db
    .select({
      moduleVersionId: progressEvents.moduleVersionId,
      kind: progressEvents.kind,
      section: progressEvents.section,
      checkId: progressEvents.checkId,
    })
    .from(progressEvents)
    .where(
      and(
        eq(progressEvents.enrolmentId, sql.placeholder("enrolmentId")),
        sql`(${progressEvents.kind} in ('viewed','skipped') or (${progressEvents.kind} = 'answered' and ${progressEvents.correct} = 1))`,
      ),
    )
    .orderBy(asc(progressEvents.id))
    .prepare(),
  modules: db
    .select({ moduleId: moduleProgress.moduleId, completedAt: moduleProgress.completedAt })
    .from(moduleProgress)
    .where(eq(moduleProgress.enrolmentId, sql.placeholder("enrolmentId")))
    .prepare(),
  course: db
    .select({ at: courseCompletions.completedAt })
    .from(courseCompletions)
    .where(eq(courseCompletions.enrolmentId, sql.placeholder("enrolmentId")))
    .prepare(),
}));

/** Everything a learner has done in one enrolment, summarised in one pass over their events. */
export function progressOf(db: DB, enrolmentId: string): Progress {
  const queries = progressQueries(db);
  const done = new Map<string, Map<number, "viewed" | "skipped">>();
  const passed = new Map<string, Set<string>>();
  for (const r of queries.events.all({ enrolmentId })) {
    if (r.kind === "answered" && r.checkId) {
      const set = passed.get(r.moduleVersionId) ?? new Set<string>();
      set.add(r.checkId);
      passed.set(r.moduleVersionId, set);
    } else if ((r.kind === "viewed" || r.kind === "skipped") && r.section !== null) {
      const map = done.get(r.moduleVersionId) ?? new Map<number, "viewed" | "skipped">();
      // A section viewed after being skipped counts as viewed; "skipped for now" stays until then.
      if (!(map.get(r.section) === "viewed" && r.kind === "skipped")) map.set(r.section, r.kind);
      done.set(r.moduleVersionId, map);
    }
  }
  const modules = new Map(queries.modules.all({ enrolmentId }).map((r) => [r.moduleId, moduleState(r)]));
  const course = queries.course.get({ enrolmentId });
  return { done, passed, modules, courseCompletedAt: course?.at ?? null };
}

const answersQuery = prepared((db) =>
  db
    .select({ checkId: progressEvents.checkId, answer: progressEvents.answer, correct: progressEvents.correct })
    .from(progressEvents)
    .where(
      and(
        eq(progressEvents.enrolmentId, sql.placeholder("enrolmentId")),
        eq(progressEvents.moduleVersionId, sql.placeholder("moduleVersionId")),
        eq(progressEvents.kind, "answered"),
      ),
    )
    .orderBy(desc(progressEvents.id))
    .prepare(),
);

/** The learner's latest answer to each check of a module version (to show its feedback). */
export function latestAnswers(db: DB, enrolmentId: string, moduleVersionId: string) {
  const latest = new Map<string, { answer: string[]; correct: boolean; everCorrect: boolean }>();
  for (const r of answersQuery(db).all({ enrolmentId, moduleVersionId })) {
    if (!r.checkId) continue;
    const seen = latest.get(r.checkId);
    if (!seen) {
      latest.set(r.checkId, { answer: r.answer ?? [], correct: Boolean(r.correct), everCorrect: Boolean(r.correct) });
    } else if (r.correct) seen.everCorrect = true;
  }
  return latest;
}

/** The modules (by module id) a learner has completed. */
export function completedModules(progress: Pick<Progress, "modules">): Set<string> {
  return new Set([...progress.modules].filter(([, state]) => state === "complete").map(([moduleId]) => moduleId));
}

/** Whether the learner has begun the course on any version: any module of it begun. */
export function hasBegun(progress: Pick<Progress, "modules">): boolean {
  return progress.modules.size > 0;
}
