/**
 * The one definition of where a learner is in a module and a course. Every view reads it: the
 * learner's outline and start page, the trainer's dashboard and learner page, the CSV export, the
 * certificate. It is worked out from the derived rows (`module_progress`, `course_completions`),
 * which follow the module, not its version, so a cohort moved to a newer version keeps what its
 * learners began and finished.
 */
export type ModuleState = "not_started" | "in_progress" | "complete";
export type CourseState = ModuleState;

/** A module is begun once the learner did anything in it (on any version), complete once derived. */
export function moduleState(row: { completedAt: Date | number | null } | null | undefined): ModuleState {
  if (!row) return "not_started";
  return row.completedAt ? "complete" : "in_progress";
}

/** A course is complete once derived, begun once any of its modules (on any version) is. */
export function courseState(input: { completedAt: Date | number | null; begun: boolean }): CourseState {
  if (input.completedAt) return "complete";
  return input.begun ? "in_progress" : "not_started";
}

export const STATE_LABELS: Record<ModuleState, string> = {
  not_started: "Not started",
  in_progress: "In progress",
  complete: "Complete",
};
