import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { timestamp } from "./columns";

/**
 * How far statements have been queued for an LRS: the last progress event turned into outbox rows.
 * Keyed by the LRS endpoint, so pointing the server at a new LRS sends it the whole record again.
 */
export const xapiCursors = sqliteTable("xapi_cursors", {
  endpoint: text("endpoint").primaryKey(),
  lastEventId: integer("last_event_id").notNull(),
  updatedAt: timestamp("updated_at").notNull(),
});

/** xAPI statements waiting for the organisation's LRS; removed only once the LRS accepted them. */
export const xapiOutbox = sqliteTable(
  "xapi_outbox",
  {
    id: text("id").primaryKey(),
    orgId: text("org_id").notNull(),
    statement: text("statement", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at").notNull(),
    lastError: text("last_error"),
    createdAt: timestamp("created_at").notNull(),
  },
  (t) => [index("xapi_outbox_due_idx").on(t.nextAttemptAt)],
);
