import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { users } from "./accounts";
import { id, timestamp } from "./columns";
import { organisations } from "./organisations";
import { modules } from "./workshop";

/** One question of a trauma-informed rubric, as the organisation keeps it. */
export type RubricItem = { id: string; question: string };

/**
 * Whether an organisation asks its lived-experience panel and a safeguarding reviewer to sign a module
 * off before it is published, and its own rubric (null keeps the default one in content/review-rubric.json).
 * An organisation without a row has the requirement off.
 */
export const panelSettings = sqliteTable("panel_settings", {
  orgId: text("org_id")
    .primaryKey()
    .references(() => organisations.id, { onDelete: "cascade" }),
  required: integer("required", { mode: "boolean" }).notNull().default(false),
  rubric: text("rubric", { mode: "json" }).$type<RubricItem[]>(),
  updatedAt: timestamp("updated_at").notNull(),
});

export const PANEL_KINDS = ["panel", "safeguarding"] as const;
export const RUBRIC_ANSWERS = ["yes", "not_yet", "not_applicable"] as const;
export const PANEL_DECISIONS = ["signed_off", "changes_requested"] as const;

/** An answer to one rubric question, kept with the question as it was worded when it was answered. */
export type RubricAnswer = {
  id: string;
  question: string;
  /** Null only in a request for changes, which may leave questions unanswered. */
  answer: (typeof RUBRIC_ANSWERS)[number] | null;
  note: string;
};

/** A sign-off (or a request for changes) by the lived-experience panel or a safeguarding reviewer, for one revision. */
export const panelSignoffs = sqliteTable(
  "panel_signoffs",
  {
    id: id(),
    moduleId: text("module_id")
      .notNull()
      .references(() => modules.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: PANEL_KINDS }).notNull(),
    revision: integer("revision").notNull(),
    decision: text("decision", { enum: PANEL_DECISIONS }).notNull(),
    answers: text("answers", { mode: "json" }).$type<RubricAnswer[]>().notNull(),
    createdAt: timestamp("created_at").notNull(),
  },
  (t) => [index("panel_signoffs_module_idx").on(t.moduleId, t.kind, t.createdAt)],
);
