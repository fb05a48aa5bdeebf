import { and, eq, isNull, sql } from "drizzle-orm";
import type { DB } from "../../db/client";
import { prepared } from "../../db/prepared";
import { courseCompletions, moduleProgress, progressEvents } from "../../db/schema";
import { completedModules, progressOf } from "./read";

/**
 * Progress owns three tables: the append-only log of what learners did (`progress_events`), and the
 * rows derived from it (`module_progress`, `course_completions`). Nothing else writes them.
 */

/** What completion is judged against: the course version's modules, their sections and checks. */
export type CoursePlan = {
  enrolmentId: string;
  courseVersionId: string;
  modules: { moduleId: string; versionId: string; sections: { index: number; checks: string[] }[] }[];
};

export type Step =
  | { kind: "viewed" | "skipped"; moduleId: string; moduleVersionId: string; section: number }
  | {
      kind: "answered";
      moduleId: string;
      moduleVersionId: string;
      section: number;
      checkId: string;
      correct: boolean;
      answer: string[];
    };

/**
 * Records one step and derives what it completes, in the caller's transaction. The module counts as
 * begun from its first step, whatever the version.
 */
export function recordProgress(db: DB, plan: CoursePlan, step: Step, now: Date) {
  const writes = stepWrites(db);
  const event = {
    enrolmentId: plan.enrolmentId,
    moduleVersionId: step.moduleVersionId,
    kind: step.kind,
    section: step.section,
    at: now,
  };
  if (step.kind === "answered") {
    writes.answer.run({ ...event, checkId: step.checkId, correct: step.correct, answer: step.answer });
  } else writes.step.run(event);
  writes.begun.run({
    enrolmentId: plan.enrolmentId,
    moduleId: step.moduleId,
    moduleVersionId: step.moduleVersionId,
    at: now,
  });
  deriveCompletion(db, plan, now);
}

const value = sql.placeholder;
const eventColumns = {
  enrolmentId: value("enrolmentId"),
  moduleVersionId: value("moduleVersionId"),
  kind: value("kind"),
  section: value("section"),
  at: value("at"),
};

/**
 * A step's writes, built once (db/prepared.ts): they run on every step a learner takes. An answer
 * has its own insert because a placeholder given null would be written as the column's encoding of
 * null (`0`, `"null"`), not as NULL.
 */
const stepWrites = prepared((db) => ({
  step: db.insert(progressEvents).values(eventColumns).prepare(),
  answer: db
    .insert(progressEvents)
    .values({ ...eventColumns, checkId: value("checkId"), correct: value("correct"), answer: value("answer") })
    .prepare(),
  begun: db
    .insert(moduleProgress)
    .values({
      enrolmentId: value("enrolmentId"),
      moduleId: value("moduleId"),
      moduleVersionId: value("moduleVersionId"),
      startedAt: value("at"),
    })
    .onConflictDoNothing()
    .prepare(),
}));

/**
 * Derives completion from the events, idempotently: a module is complete when every section was
 * viewed or skipped for now and every knowledge check in the viewed sections was answered correctly
 * at least once; a course when all its modules are. Repeating it changes nothing.
 */
export function deriveCompletion(db: DB, plan: CoursePlan, now: Date) {
  const progress = progressOf(db, plan.enrolmentId);
  const complete = completedModules(progress);
  for (const m of plan.modules) {
    if (complete.has(m.moduleId)) continue;
    const done = progress.done.get(m.versionId);
    const passed = progress.passed.get(m.versionId);
    const allSections = m.sections.every((s) => done?.has(s.index));
    // Skipping never blocks completion: a skipped section's checks are not asked of the learner.
    const allChecks = m.sections
      .filter((s) => done?.get(s.index) === "viewed")
      .flatMap((s) => s.checks)
      .every((c) => passed?.has(c));
    if (!allSections || !allChecks) continue;
    const marked = db
      .update(moduleProgress)
      .set({ completedAt: now, moduleVersionId: m.versionId })
      .where(
        and(
          eq(moduleProgress.enrolmentId, plan.enrolmentId),
          eq(moduleProgress.moduleId, m.moduleId),
          isNull(moduleProgress.completedAt),
        ),
      )
      .run();
    if (marked.changes > 0) {
      db.insert(progressEvents)
        .values({ enrolmentId: plan.enrolmentId, moduleVersionId: m.versionId, kind: "module_completed", at: now })
        .run();
      complete.add(m.moduleId);
    }
  }
  const first = plan.modules[0];
  if (!first || progress.courseCompletedAt || !plan.modules.every((m) => complete.has(m.moduleId))) return;
  const inserted = db
    .insert(courseCompletions)
    .values({ enrolmentId: plan.enrolmentId, courseVersionId: plan.courseVersionId, completedAt: now })
    .onConflictDoNothing()
    .run();
  if (inserted.changes > 0) {
    db.insert(progressEvents)
      .values({ enrolmentId: plan.enrolmentId, moduleVersionId: first.versionId, kind: "course_completed", at: now })
      .run();
  }
}
