import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { courses } from "./learning";
import { modules } from "./workshop";

/**
 * The words search reads for each module, behind the FTS5 index `module_search` (external content,
 * keyed by `key`). Triggers copy the title and summary from `modules` and keep the index in step with
 * every row; the document store writes `body`, the document's plain text, whenever the content
 * changes. `body` is null until the document has been read once (rows made by the migration).
 */
export const moduleSearchText = sqliteTable("module_search_text", {
  key: integer("key").primaryKey({ autoIncrement: true }),
  moduleId: text("module_id")
    .notNull()
    .unique()
    .references(() => modules.id, { onDelete: "cascade" }),
  title: text("title").notNull(),
  summary: text("summary").notNull(),
  body: text("body"),
});

/**
 * The words search reads for each course, behind the FTS5 index `course_search`: its title, its
 * description and the titles of its modules, all kept by triggers on courses, course_items and modules.
 */
export const courseSearchText = sqliteTable("course_search_text", {
  key: integer("key").primaryKey({ autoIncrement: true }),
  courseId: text("course_id")
    .notNull()
    .unique()
    .references(() => courses.id, { onDelete: "cascade" }),
  title: text("title").notNull(),
  summary: text("summary").notNull(),
  moduleTitles: text("module_titles").notNull().default(""),
});
