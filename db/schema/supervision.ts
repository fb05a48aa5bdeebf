import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "./accounts";
import { id, timestamp } from "./columns";
import { organisations } from "./organisations";

/**
 * A learner's own "For my supervision" page: the journal entries they chose and the points they want
 * to raise. Health data, like the journal it draws on: only its owner ever reads it.
 */
export const supervisionPages = sqliteTable(
  "supervision_pages",
  {
    id: id(),
    orgId: text("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    points: text("points").notNull(),
    /** The journal entries chosen, in the order they were listed; a deleted entry simply drops out. */
    entryIds: text("entry_ids", { mode: "json" }).$type<string[]>().notNull(),
    /** Whether the learner chose to bring their self-care plan, as it reads when the page is read. */
    includeSelfCarePlan: integer("include_self_care_plan", { mode: "boolean" }).notNull().default(false),
    createdAt: timestamp("created_at").notNull(),
    updatedAt: timestamp("updated_at").notNull(),
  },
  (t) => [index("supervision_pages_owner_idx").on(t.orgId, t.userId)],
);

export type SharedEntry = { prompt: string; context: string; body: string };
export type SharedSelfCarePlan = { signs: string; helps: string; contacts: string; boundaries: string };
/** A copy holds the self-care plan only when the learner chose to bring it. */
export type SharedCopy = { title: string; points: string; entries: SharedEntry[]; selfCarePlan?: SharedSelfCarePlan };

/**
 * The one copy of a page a learner shared with a supervisor: a snapshot taken when they shared it,
 * so later edits stay theirs until they share again (which replaces it). Revoking deletes the row.
 */
export const supervisionShares = sqliteTable(
  "supervision_shares",
  {
    id: id(),
    orgId: text("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    pageId: text("page_id")
      .notNull()
      .references(() => supervisionPages.id, { onDelete: "cascade" }),
    learnerId: text("learner_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    supervisorId: text("supervisor_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    copy: text("copy", { mode: "json" }).$type<SharedCopy>().notNull(),
    sharedAt: timestamp("shared_at").notNull(),
  },
  (t) => [
    uniqueIndex("supervision_shares_page_idx").on(t.pageId),
    index("supervision_shares_supervisor_idx").on(t.orgId, t.supervisorId),
  ],
);

export const SHARE_ACTIONS = ["shared", "revoked"] as const;

/**
 * The learner's own record of each share and revoke. Not the organisation's audit log, which admins
 * read: who a learner takes to supervision is theirs to know.
 */
export const supervisionShareHistory = sqliteTable(
  "supervision_share_history",
  {
    id: id(),
    orgId: text("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    pageTitle: text("page_title").notNull(),
    supervisorName: text("supervisor_name").notNull(),
    action: text("action", { enum: SHARE_ACTIONS }).notNull(),
    at: timestamp("at").notNull(),
  },
  (t) => [index("supervision_share_history_owner_idx").on(t.orgId, t.userId, t.at)],
);
