import { index, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { users } from "./accounts";
import { id, timestamp } from "./columns";

/**
 * Links sent to reset a password, by a keyed hash of their token. A request for an address with no
 * account is stored too (with no user), so both answers do the same work; such a row opens nothing.
 */
export const passwordResets = sqliteTable(
  "password_resets",
  {
    id: id(),
    tokenHash: text("token_hash").notNull().unique(),
    userId: text("user_id").references(() => users.id, { onDelete: "cascade" }),
    expiresAt: timestamp("expires_at").notNull(),
    usedAt: timestamp("used_at"),
    createdAt: timestamp("created_at").notNull(),
  },
  (t) => [index("password_resets_user_idx").on(t.userId)],
);

/** A change of email address asked for and waiting for the new address to confirm it. */
export const emailChanges = sqliteTable(
  "email_changes",
  {
    id: id(),
    tokenHash: text("token_hash").notNull().unique(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    newEmail: text("new_email").notNull(),
    expiresAt: timestamp("expires_at").notNull(),
    usedAt: timestamp("used_at"),
    createdAt: timestamp("created_at").notNull(),
  },
  (t) => [index("email_changes_user_idx").on(t.userId)],
);
