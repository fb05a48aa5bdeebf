import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
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
