import { index, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { users } from "./accounts";
import { timestamp } from "./columns";
import { organisations } from "./organisations";
import { modules } from "./workshop";

/** Modules a facilitator offers their organisation as a starting point for new ones. */
export const moduleTemplates = sqliteTable(
  "module_templates",
  {
    moduleId: text("module_id")
      .primaryKey()
      .references(() => modules.id, { onDelete: "cascade" }),
    orgId: text("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    markedBy: text("marked_by").references(() => users.id, { onDelete: "set null" }),
    markedAt: timestamp("marked_at").notNull(),
  },
  (t) => [index("module_templates_org_idx").on(t.orgId)],
);
