import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { id, timestamp } from "./columns";

export const users = sqliteTable("users", {
  id: id(),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  passwordHash: text("password_hash").notNull(),
  createdAt: timestamp("created_at").notNull(),
});

/** Server-side sessions. The primary key is a keyed hash of the cookie token; the token itself is never stored. */
export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    currentOrgId: text("current_org_id"),
    createdAt: timestamp("created_at").notNull(),
    lastSeenAt: timestamp("last_seen_at").notNull(),
    expiresAt: timestamp("expires_at").notNull(),
    /** "Keep me signed in": only the absolute lifetime applies, not the idle timeout. */
    persistent: integer("persistent", { mode: "boolean" }).notNull().default(false),
    /** The browser's User-Agent at sign-in, to name the device on the account page. */
    userAgent: text("user_agent").notNull().default(""),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** Failed log-ins only, kept for the throttling window. */
export const loginFailures = sqliteTable(
  "login_failures",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    email: text("email").notNull(),
    ip: text("ip").notNull(),
    at: timestamp("at").notNull(),
  },
  (t) => [index("login_failures_email_idx").on(t.email, t.at), index("login_failures_ip_idx").on(t.ip, t.at)],
);

/**
 * Emails locked for log-in by password after many failures from any addresses, until a password reset
 * by email clears the lock. Keyed by the email typed, whether or not it has an account, so a lock
 * says nothing about which addresses have one.
 */
export const loginLocks = sqliteTable("login_locks", {
  email: text("email").primaryKey(),
  lockedAt: timestamp("locked_at").notNull(),
});

/**
 * How a person introduces themselves to the learners of the cohorts they facilitate: their pronouns
 * and the lived experience they choose to share. Theirs alone to write, from their account page.
 */
export const personalIntroductions = sqliteTable("personal_introductions", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  pronouns: text("pronouns").notNull().default(""),
  livedExperience: text("lived_experience").notNull().default(""),
  updatedAt: timestamp("updated_at").notNull(),
});
