import { sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "./accounts";
import { id, timestamp } from "./columns";
import { organisations } from "./organisations";

/**
 * A learner's own self-care plan, kept with their journal: one per learner in each organisation, the
 * same from every course that invites it. Health data: only its owner ever reads it
 * (docs/decisions/0030).
 */
export const selfCarePlans = sqliteTable(
  "self_care_plans",
  {
    id: id(),
    orgId: text("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The signs that they are struggling. */
    signs: text("signs").notNull(),
    /** What helps. */
    helps: text("helps").notNull(),
    /** Who they can contact. */
    contacts: text("contacts").notNull(),
    /** The boundaries they keep. */
    boundaries: text("boundaries").notNull(),
    createdAt: timestamp("created_at").notNull(),
    updatedAt: timestamp("updated_at").notNull(),
  },
  (t) => [uniqueIndex("self_care_plans_owner_idx").on(t.orgId, t.userId)],
);
