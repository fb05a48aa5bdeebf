import { integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { users } from "./accounts";
import { assignments } from "./cohorts";
import { timestamp } from "./columns";
import { organisations } from "./organisations";

/**
 * How many days before a due date an organisation's learners are reminded; 0 sends no reminders.
 * Without a row the default applies (modules/reminders/policy.ts).
 */
export const reminderPolicies = sqliteTable("reminder_policies", {
  orgId: text("org_id")
    .primaryKey()
    .references(() => organisations.id, { onDelete: "cascade" }),
  daysBefore: integer("days_before").notNull(),
  updatedBy: text("updated_by").references(() => users.id, { onDelete: "set null" }),
  updatedAt: timestamp("updated_at").notNull(),
});

/**
 * Each reminder sent, once per learner, assignment and kind: the key is what keeps a second pass of
 * the job (or a second process) from sending it again.
 */
export const remindersSent = sqliteTable(
  "reminders_sent",
  {
    assignmentId: text("assignment_id")
      .notNull()
      .references(() => assignments.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** before: the reminder ahead of the due date; after: the gentle note once it has passed. */
    kind: text("kind", { enum: ["before", "after"] }).notNull(),
    sentAt: timestamp("sent_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.assignmentId, t.userId, t.kind] })],
);
