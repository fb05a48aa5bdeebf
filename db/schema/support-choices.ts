import { sqliteTable, text } from "drizzle-orm/sqlite-core";
import { users } from "./accounts";
import { timestamp } from "./columns";

/**
 * A person's own, private choice of where they are and which groups matter to them, so the support
 * they are shown puts what fits first. Only they read it (docs/decisions/0030).
 */
export const supportChoices = sqliteTable("support_choices", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  /** One of the nations, or null for "rather not say". */
  nation: text("nation"),
  populations: text("populations", { mode: "json" }).$type<string[]>().notNull(),
  updatedAt: timestamp("updated_at").notNull(),
});
