import { index, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { users } from "./accounts";
import { id, timestamp } from "./columns";

/**
 * Notices for a person (a new assignment, a course that moved to a new version). Kept per channel
 * so another channel, such as email, can deliver the same notice later.
 */
export const notices = sqliteTable(
  "notices",
  {
    id: id(),
    orgId: text("org_id").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull().default(""),
    link: text("link"),
    createdAt: timestamp("created_at").notNull(),
    readAt: timestamp("read_at"),
  },
  (t) => [index("notices_user_idx").on(t.userId, t.readAt, t.createdAt)],
);
