import { sql } from "drizzle-orm";
import { index, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "./accounts";
import { id, timestamp } from "./columns";
import { modules } from "./workshop";

/**
 * A part of a module (a section, by its heading's id, or a training block, by its own) that a
 * facilitator locked once it was agreed. A row stays when the part is unlocked, so the module's
 * history can tell who locked and unlocked what, when and why; at most one lock per part is open.
 */
export const partLocks = sqliteTable(
  "part_locks",
  {
    id: id(),
    moduleId: text("module_id")
      .notNull()
      .references(() => modules.id, { onDelete: "cascade" }),
    nodeId: text("node_id").notNull(),
    kind: text("kind", { enum: ["section", "block"] }).notNull(),
    /** What the part was called when it was locked (its heading, or its kind and first words). */
    label: text("label").notNull(),
    reason: text("reason"),
    lockedBy: text("locked_by").references(() => users.id, { onDelete: "set null" }),
    lockedAt: timestamp("locked_at").notNull(),
    unlockedBy: text("unlocked_by").references(() => users.id, { onDelete: "set null" }),
    unlockedAt: timestamp("unlocked_at"),
  },
  (t) => [
    uniqueIndex("part_locks_open_idx").on(t.moduleId, t.nodeId).where(sql`${t.unlockedAt} is null`),
    index("part_locks_module_idx").on(t.moduleId, t.lockedAt),
  ],
);
