import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { id, timestamp } from "./columns";

/**
 * Email waiting to go, and email that went. A row is written in the same transaction as the change it
 * tells about, and only the sender marks it sent; sent rows stay, so an organisation's admins can see
 * what left in its name. The body is made from `params` when it is sent or read, never stored twice.
 */
export const emailOutbox = sqliteTable(
  "email_outbox",
  {
    id: id(),
    /** The organisation whose admins see the message; null when it belongs to none. */
    orgId: text("org_id"),
    kind: text("kind").notNull(),
    toAddress: text("to_address").notNull(),
    params: text("params", { mode: "json" }).$type<Record<string, string>>().notNull(),
    /** What the message is about (an invitation's id), to find it from there. */
    ref: text("ref"),
    /** waiting (to be sent, or sent again after a failure), sent, or held because the person unsubscribed. */
    status: text("status", { enum: ["waiting", "sent", "unsubscribed"] }).notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at").notNull(),
    lastError: text("last_error"),
    createdAt: timestamp("created_at").notNull(),
    sentAt: timestamp("sent_at"),
  },
  (t) => [
    index("email_outbox_due_idx").on(t.status, t.nextAttemptAt),
    index("email_outbox_org_idx").on(t.orgId, t.createdAt),
    index("email_outbox_ref_idx").on(t.ref),
  ],
);

/** The kinds of email a person has asked not to get, by the address they get them at. */
export const emailPreferences = sqliteTable(
  "email_preferences",
  {
    address: text("address").notNull(),
    kind: text("kind").notNull(),
    unsubscribedAt: timestamp("unsubscribed_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.address, t.kind] })],
);
