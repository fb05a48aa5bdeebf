import { index, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { users } from "./accounts";
import { id, timestamp } from "./columns";
import { comments } from "./coproduction";
import { modules } from "./workshop";

export const NOTIFICATION_KINDS = ["mention", "reply", "review_request"] as const;
export const NOTIFICATION_CHOICES = ["now", "digest", "never"] as const;

/** How a person wants to hear of each kind by email: at once, in the daily digest, or never. No row: at once. */
export const notificationChoices = sqliteTable(
  "notification_choices",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: NOTIFICATION_KINDS }).notNull(),
    choice: text("choice", { enum: NOTIFICATION_CHOICES }).notNull(),
    updatedAt: timestamp("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);

/**
 * What waits for a person's next digest. It points at the comment and the person who acted rather
 * than copying their words, so erasing either is seen by the digest too. `digestDay` is set once sent.
 */
export const digestItems = sqliteTable(
  "digest_items",
  {
    id: id(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    orgId: text("org_id").notNull(),
    kind: text("kind", { enum: NOTIFICATION_KINDS }).notNull(),
    moduleId: text("module_id")
      .notNull()
      .references(() => modules.id, { onDelete: "cascade" }),
    actorUserId: text("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    commentId: text("comment_id").references(() => comments.id, { onDelete: "cascade" }),
    dueOn: text("due_on"),
    createdAt: timestamp("created_at").notNull(),
    digestDay: text("digest_day"),
  },
  (t) => [index("digest_items_waiting_idx").on(t.digestDay, t.userId, t.createdAt)],
);

/** One digest per person per London day: the key is what keeps a second pass from sending another. */
export const digestsSent = sqliteTable(
  "digests_sent",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    day: text("day").notNull(),
    sentAt: timestamp("sent_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.day] })],
);
