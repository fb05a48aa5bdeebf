import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { timestamp } from "./columns";
import { enrolments } from "./learning";

/** Written by the progress feature only (modules/progress): the log and the rows derived from it. */

export const PROGRESS_KINDS = ["viewed", "skipped", "answered", "module_completed", "course_completed"] as const;

/**
 * What the learner did, append-only. Completion is derived from these, so the rules can change
 * and a repeated submission does no harm.
 */
export const progressEvents = sqliteTable(
  "progress_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    enrolmentId: text("enrolment_id")
      .notNull()
      .references(() => enrolments.id, { onDelete: "cascade" }),
    moduleVersionId: text("module_version_id").notNull(),
    kind: text("kind", { enum: PROGRESS_KINDS }).notNull(),
    section: integer("section"),
    checkId: text("check_id"),
    correct: integer("correct", { mode: "boolean" }),
    answer: text("answer", { mode: "json" }).$type<string[]>(),
    at: timestamp("at").notNull(),
  },
  (t) => [index("progress_events_enrolment_idx").on(t.enrolmentId, t.moduleVersionId, t.kind)],
);

export const courseCompletions = sqliteTable("course_completions", {
  enrolmentId: text("enrolment_id")
    .primaryKey()
    .references(() => enrolments.id, { onDelete: "cascade" }),
  courseVersionId: text("course_version_id").notNull(),
  completedAt: timestamp("completed_at").notNull(),
});

/**
 * Per learner and module: when they started and finished. Derived from progress events (like
 * completions), so dashboards read one small indexed row per learner and module.
 */
export const moduleProgress = sqliteTable(
  "module_progress",
  {
    enrolmentId: text("enrolment_id")
      .notNull()
      .references(() => enrolments.id, { onDelete: "cascade" }),
    moduleId: text("module_id").notNull(),
    moduleVersionId: text("module_version_id").notNull(),
    startedAt: timestamp("started_at").notNull(),
    completedAt: timestamp("completed_at"),
  },
  (t) => [
    primaryKey({ columns: [t.enrolmentId, t.moduleId] }),
    // The cohort dashboard counts each learner's completed modules from the index alone.
    index("module_progress_completed_idx").on(t.enrolmentId, t.moduleId, t.completedAt),
  ],
);
