import { index, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { users } from "./accounts";
import { id, timestamp } from "./columns";
import { modules } from "./workshop";

/** A facilitator's request that some of a module's collaborators review it by a date (a London calendar day). */
export const reviewRequests = sqliteTable(
  "review_requests",
  {
    id: id(),
    orgId: text("org_id").notNull(),
    moduleId: text("module_id")
      .notNull()
      .references(() => modules.id, { onDelete: "cascade" }),
    requestedBy: text("requested_by").references(() => users.id, { onDelete: "set null" }),
    dueOn: text("due_on").notNull(),
    note: text("note").notNull().default(""),
    createdAt: timestamp("created_at").notNull(),
  },
  (t) => [index("review_requests_module_idx").on(t.moduleId, t.createdAt)],
);

/**
 * Each person asked, and their answer: done reviewing (with an optional note). `remindedAt` is the
 * record of the one reminder as the date nears, so a second pass of the job sends none.
 */
export const reviewRequestPeople = sqliteTable(
  "review_request_people",
  {
    requestId: text("request_id")
      .notNull()
      .references(() => reviewRequests.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    answeredAt: timestamp("answered_at"),
    answerNote: text("answer_note").notNull().default(""),
    remindedAt: timestamp("reminded_at"),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.userId] }), index("review_request_people_user_idx").on(t.userId)],
);
