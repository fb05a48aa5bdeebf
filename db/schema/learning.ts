import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "./accounts";
import { id, timestamp } from "./columns";
import { organisations } from "./organisations";
import { modules } from "./workshop";

export type VersionSection = { index: number; title: string; contentNotes: string[]; checks: string[] };
export type VersionCredit = { userId: string; role: string | null };

/**
 * An immutable published module: what learners take. A database trigger refuses any UPDATE, so a
 * learner's version can never change under them.
 */
export const moduleVersions = sqliteTable(
  "module_versions",
  {
    id: id(),
    moduleId: text("module_id")
      .notNull()
      .references(() => modules.id, { onDelete: "cascade" }),
    orgId: text("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    title: text("title").notNull(),
    summary: text("summary").notNull(),
    topic: text("topic").notNull(),
    estimatedMinutes: integer("estimated_minutes").notNull(),
    changelog: text("changelog").notNull(),
    doc: text("doc", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    html: text("html").notNull(),
    sections: text("sections", { mode: "json" }).$type<VersionSection[]>().notNull(),
    contentNotes: text("content_notes", { mode: "json" }).$type<string[]>().notNull(),
    credits: text("credits", { mode: "json" }).$type<VersionCredit[]>().notNull(),
    originCredit: text("origin_credit"),
    publishedBy: text("published_by").references(() => users.id, { onDelete: "set null" }),
    publishedAt: timestamp("published_at").notNull(),
  },
  (t) => [
    uniqueIndex("module_versions_module_version_idx").on(t.moduleId, t.version),
    index("module_versions_org_idx").on(t.orgId),
  ],
);

export const COURSE_STATUSES = ["draft", "published", "archived"] as const;

export const courses = sqliteTable(
  "courses",
  {
    id: id(),
    orgId: text("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    /** Any member of the organisation may enrol themselves. */
    openToAll: integer("open_to_all", { mode: "boolean" }).notNull().default(false),
    status: text("status", { enum: COURSE_STATUSES }).notNull().default("draft"),
    /** Set when the course only wraps one module assigned on its own; such courses are not listed. */
    singleModuleId: text("single_module_id"),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at").notNull(),
    updatedAt: timestamp("updated_at").notNull(),
  },
  (t) => [index("courses_org_idx").on(t.orgId, t.status)],
);

/** The course being composed: an ordered list of modules, each pinned to one published version. */
export const courseItems = sqliteTable(
  "course_items",
  {
    courseId: text("course_id")
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    moduleId: text("module_id")
      .notNull()
      .references(() => modules.id, { onDelete: "cascade" }),
    moduleVersionId: text("module_version_id")
      .notNull()
      .references(() => moduleVersions.id),
    position: integer("position").notNull(),
  },
  (t) => [primaryKey({ columns: [t.courseId, t.moduleId] })],
);

export type CourseVersionItem = { moduleId: string; moduleVersionId: string };

/** An immutable published course: its items pinned to module versions. */
export const courseVersions = sqliteTable(
  "course_versions",
  {
    id: id(),
    courseId: text("course_id")
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    orgId: text("org_id").notNull(),
    version: integer("version").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull(),
    changelog: text("changelog").notNull(),
    items: text("items", { mode: "json" }).$type<CourseVersionItem[]>().notNull(),
    estimatedMinutes: integer("estimated_minutes").notNull(),
    publishedBy: text("published_by").references(() => users.id, { onDelete: "set null" }),
    publishedAt: timestamp("published_at").notNull(),
  },
  (t) => [uniqueIndex("course_versions_course_version_idx").on(t.courseId, t.version)],
);

/** One learner taking one course, on one pinned course version. */
export const enrolments = sqliteTable(
  "enrolments",
  {
    id: id(),
    orgId: text("org_id").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    courseId: text("course_id")
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    courseVersionId: text("course_version_id")
      .notNull()
      .references(() => courseVersions.id),
    source: text("source", { enum: ["self", "assignment"] }).notNull(),
    /** Where the learner was last, so "Continue" takes them back there. */
    resumeModuleVersionId: text("resume_module_version_id"),
    resumeSection: integer("resume_section"),
    createdAt: timestamp("created_at").notNull(),
    updatedAt: timestamp("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("enrolments_user_course_idx").on(t.userId, t.courseId),
    index("enrolments_course_idx").on(t.courseId, t.courseVersionId),
  ],
);

/** The learner's private journal. Read only by queries filtered to the learner themself; never logged. */
export const reflections = sqliteTable(
  "reflections",
  {
    id: id(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    orgId: text("org_id").notNull(),
    /** The course it was written in: the same prompt answered in two courses is two entries. */
    enrolmentId: text("enrolment_id").references(() => enrolments.id, { onDelete: "set null" }),
    moduleVersionId: text("module_version_id"),
    promptId: text("prompt_id"),
    /** The question as it was asked, kept with the answer so the journal reads on its own. */
    prompt: text("prompt").notNull(),
    context: text("context").notNull().default(""),
    body: text("body").notNull(),
    createdAt: timestamp("created_at").notNull(),
    updatedAt: timestamp("updated_at").notNull(),
  },
  (t) => [
    index("reflections_user_idx").on(t.userId, t.updatedAt),
    uniqueIndex("reflections_place_idx").on(t.enrolmentId, t.moduleVersionId, t.promptId),
  ],
);
