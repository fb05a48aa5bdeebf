import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { users } from "./accounts";
import { id, timestamp } from "./columns";
import { organisations } from "./organisations";

/**
 * People whose account was erased. The users row stays as a nameless tombstone so that what others
 * still hold (comments, credits, sign-offs) keeps pointing somewhere; this row says it was erased and
 * when, so a second erasure does nothing.
 */
export const formerMembers = sqliteTable("former_members", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id),
  erasedAt: timestamp("erased_at").notNull(),
});

/**
 * What erased or retention-removed learners had done, as counts with no one in them: per course and
 * module (module_id "" for the course as a whole) of an organisation. Written by modules/progress.
 */
export const formerLearnerCounts = sqliteTable(
  "former_learner_counts",
  {
    orgId: text("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    courseId: text("course_id").notNull(),
    moduleId: text("module_id").notNull(),
    started: integer("started").notNull().default(0),
    completed: integer("completed").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.courseId, t.moduleId] })],
);

/** How long an organisation keeps a learner's progress and journal after their last activity; none by default. */
export const retentionPolicies = sqliteTable("retention_policies", {
  orgId: text("org_id")
    .primaryKey()
    .references(() => organisations.id, { onDelete: "cascade" }),
  months: integer("months").notNull(),
  updatedBy: text("updated_by").references(() => users.id, { onDelete: "set null" }),
  updatedAt: timestamp("updated_at").notNull(),
});

/**
 * Each coming removal told to the learner 30 days before it happens: who, when they were told, and
 * the day it is due. Activity after the announcement cancels it (the row is marked, not removed).
 */
export const retentionAnnouncements = sqliteTable(
  "retention_announcements",
  {
    id: id(),
    orgId: text("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    announcedAt: timestamp("announced_at").notNull(),
    removeOn: timestamp("remove_on").notNull(),
    /** Set when the removal ran, or when the learner came back first (then `cancelled` is true). */
    settledAt: timestamp("settled_at"),
    cancelled: integer("cancelled", { mode: "boolean" }).notNull().default(false),
  },
  (t) => [index("retention_announcements_user_idx").on(t.orgId, t.userId, t.settledAt)],
);
