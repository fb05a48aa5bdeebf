import { blob, index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { users } from "./accounts";
import { id, timestamp } from "./columns";
import { organisations } from "./organisations";

export const MODULE_TOPICS = [
  "boundaries",
  "conflict",
  "self_care",
  "trauma_triggers",
  "supervision",
  "other",
] as const;
export const MODULE_STATUSES = ["draft", "in_review", "published", "archived"] as const;
export const COLLABORATOR_ROLES = ["facilitator", "co_designer", "reviewer"] as const;
export const CREDIT_MODES = ["real", "chosen", "anonymous"] as const;

/** The authoring unit: one training module, co-edited as a Yjs document. */
export const modules = sqliteTable(
  "modules",
  {
    id: id(),
    orgId: text("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    topic: text("topic", { enum: MODULE_TOPICS }).notNull(),
    customTopic: text("custom_topic").notNull().default(""),
    summary: text("summary").notNull().default(""),
    estimatedMinutes: integer("estimated_minutes").notNull(),
    status: text("status", { enum: MODULE_STATUSES }).notNull().default("draft"),
    /** Credit for work that did not come from a person here, e.g. "Alongside starter content". */
    originCredit: text("origin_credit"),
    /** Co-designers change the text only as suggestions, which a facilitator accepts (ADR 31). */
    suggestionsOnly: integer("suggestions_only", { mode: "boolean" }).notNull().default(false),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at").notNull(),
    updatedAt: timestamp("updated_at").notNull(),
  },
  (t) => [index("modules_org_idx").on(t.orgId, t.status, t.updatedAt)],
);

export const moduleCollaborators = sqliteTable(
  "module_collaborators",
  {
    moduleId: text("module_id")
      .notNull()
      .references(() => modules.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role", { enum: COLLABORATOR_ROLES }).notNull(),
    creditMode: text("credit_mode", { enum: CREDIT_MODES }).notNull().default("real"),
    creditName: text("credit_name").notNull().default(""),
    addedBy: text("added_by").references(() => users.id, { onDelete: "set null" }),
    addedAt: timestamp("added_at").notNull(),
    /** Set when someone is taken off the module; their past contributions stay attributed. */
    removedAt: timestamp("removed_at"),
  },
  (t) => [primaryKey({ columns: [t.moduleId, t.userId] }), index("module_collaborators_user_idx").on(t.userId)],
);

/** The compacted Yjs state of each module document. */
export const moduleDocs = sqliteTable("module_docs", {
  moduleId: text("module_id")
    .primaryKey()
    .references(() => modules.id, { onDelete: "cascade" }),
  state: blob("state", { mode: "buffer" }).notNull(),
  /** The last module_doc_updates id folded into `state`. */
  compactedThrough: integer("compacted_through").notNull().default(0),
  updatedAt: timestamp("updated_at").notNull(),
});

/** Every Yjs update as it arrived, with who sent it: the durable log behind each document. */
export const moduleDocUpdates = sqliteTable(
  "module_doc_updates",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    moduleId: text("module_id")
      .notNull()
      .references(() => modules.id, { onDelete: "cascade" }),
    userId: text("user_id"),
    update: blob("update", { mode: "buffer" }).notNull(),
    createdAt: timestamp("created_at").notNull(),
  },
  (t) => [index("module_doc_updates_module_idx").on(t.moduleId, t.id)],
);

/** Facts derived from the document, kept for listings so they never open a Yjs document. */
export const moduleFacts = sqliteTable("module_facts", {
  moduleId: text("module_id")
    .primaryKey()
    .references(() => modules.id, { onDelete: "cascade" }),
  /** Goes up by one whenever the content (not comments) changes; sign-offs are for one revision. */
  revision: integer("revision").notNull().default(1),
  contentHash: text("content_hash").notNull(),
  wordCount: integer("word_count").notNull().default(0),
  blockCounts: text("block_counts", { mode: "json" }).$type<Record<string, number>>().notNull(),
  sectionCount: integer("section_count").notNull().default(0),
  lastEditedBy: text("last_edited_by").references(() => users.id, { onDelete: "set null" }),
  lastEditedAt: timestamp("last_edited_at"),
  updatedAt: timestamp("updated_at").notNull(),
});
