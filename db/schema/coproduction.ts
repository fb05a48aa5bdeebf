import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "./accounts";
import { id, timestamp } from "./columns";
import { modules } from "./workshop";

/** A conversation anchored to text through the `comment` mark that carries its id. */
export const commentThreads = sqliteTable(
  "comment_threads",
  {
    id: id(),
    moduleId: text("module_id")
      .notNull()
      .references(() => modules.id, { onDelete: "cascade" }),
    /** The words that were selected when the thread started, shown when the anchor is gone. */
    quote: text("quote").notNull(),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at").notNull(),
    resolvedAt: timestamp("resolved_at"),
    resolvedBy: text("resolved_by").references(() => users.id, { onDelete: "set null" }),
    /** Set for a thread about a suggestion: anchored by the suggestion's id instead of a comment mark. */
    suggestionId: text("suggestion_id"),
    /** What became of that suggestion, once decided. */
    suggestionOutcome: text("suggestion_outcome", { enum: ["accepted", "rejected"] }),
  },
  (t) => [
    index("comment_threads_module_idx").on(t.moduleId, t.createdAt),
    uniqueIndex("comment_threads_suggestion_idx").on(t.moduleId, t.suggestionId),
  ],
);

export const comments = sqliteTable(
  "comments",
  {
    id: id(),
    threadId: text("thread_id")
      .notNull()
      .references(() => commentThreads.id, { onDelete: "cascade" }),
    authorId: text("author_id").references(() => users.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    createdAt: timestamp("created_at").notNull(),
    hiddenAt: timestamp("hidden_at"),
    hiddenBy: text("hidden_by").references(() => users.id, { onDelete: "set null" }),
    hiddenReason: text("hidden_reason"),
  },
  (t) => [index("comments_thread_idx").on(t.threadId, t.createdAt)],
);

export const commentMentions = sqliteTable(
  "comment_mentions",
  {
    commentId: text("comment_id")
      .notNull()
      .references(() => comments.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.commentId, t.userId] }), index("comment_mentions_user_idx").on(t.userId)],
);

/** How far each person has read each module's comments; unread = newer comments by others. */
export const commentReads = sqliteTable(
  "comment_reads",
  {
    moduleId: text("module_id")
      .notNull()
      .references(() => modules.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    readAt: timestamp("read_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.moduleId, t.userId] })],
);

export const SIGNOFF_DECISIONS = ["signed_off", "changes_requested"] as const;

/** A person's word on one revision of a module. Only their latest counts; older ones stay as history. */
export const signoffs = sqliteTable(
  "signoffs",
  {
    id: id(),
    moduleId: text("module_id")
      .notNull()
      .references(() => modules.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    revision: integer("revision").notNull(),
    decision: text("decision", { enum: SIGNOFF_DECISIONS }).notNull(),
    note: text("note").notNull().default(""),
    /** The facilitator's safety checklist answers, stored with their sign-off. */
    checklist: text("checklist", { mode: "json" }).$type<Record<string, boolean>>(),
    createdAt: timestamp("created_at").notNull(),
  },
  (t) => [index("signoffs_module_idx").on(t.moduleId, t.userId, t.createdAt)],
);

export const SNAPSHOT_KINDS = ["manual", "review", "publish", "before_restore", "withdrawal"] as const;

/** A named, frozen copy of a module's document. Restoring one applies it as a new change. */
export const moduleSnapshots = sqliteTable(
  "module_snapshots",
  {
    id: id(),
    moduleId: text("module_id")
      .notNull()
      .references(() => modules.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    kind: text("kind", { enum: SNAPSHOT_KINDS }).notNull(),
    revision: integer("revision").notNull(),
    doc: text("doc", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at").notNull(),
  },
  (t) => [index("module_snapshots_module_idx").on(t.moduleId, t.createdAt)],
);
