import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "./accounts";
import { id, timestamp } from "./columns";

export const organisations = sqliteTable("organisations", {
  id: id(),
  name: text("name").notNull(),
  slug: text("slug").notNull().unique(),
  createdAt: timestamp("created_at").notNull(),
  /** How long a session may sit unused, and how long any session lasts; null is the default. */
  idleTimeoutMinutes: integer("idle_timeout_minutes"),
  absoluteLifetimeDays: integer("absolute_lifetime_days"),
  /** Words the editor's writing hints point out as graphic detail; null is the default list. */
  graphicDetailWords: text("graphic_detail_words", { mode: "json" }).$type<string[]>(),
});

export const memberships = sqliteTable(
  "memberships",
  {
    id: id(),
    orgId: text("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at").notNull(),
  },
  (t) => [uniqueIndex("memberships_org_user_idx").on(t.orgId, t.userId), index("memberships_user_idx").on(t.userId)],
);

export const membershipRoles = sqliteTable(
  "membership_roles",
  {
    membershipId: text("membership_id")
      .notNull()
      .references(() => memberships.id, { onDelete: "cascade" }),
    /** The membership's organisation, repeated so that its holders of a role are one index range. */
    orgId: text("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    role: text("role", {
      enum: [
        "admin",
        "facilitator",
        "co_designer",
        "trainer",
        "learner",
        "supervisor",
        "lived_experience_panel",
        "safeguarding_reviewer",
      ],
    }).notNull(),
  },
  // By organisation and role too: its few trainers or supervisors are found without reading every
  // membership, and without reading every other organisation's holders of the role.
  (t) => [
    primaryKey({ columns: [t.membershipId, t.role] }),
    index("membership_roles_org_role_idx").on(t.orgId, t.role, t.membershipId),
  ],
);

export const invitations = sqliteTable(
  "invitations",
  {
    id: id(),
    orgId: text("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull().unique(),
    roles: text("roles", { mode: "json" }).$type<string[]>().notNull(),
    label: text("label").notNull().default(""),
    maxUses: integer("max_uses").notNull(),
    uses: integer("uses").notNull().default(0),
    expiresAt: timestamp("expires_at").notNull(),
    revokedAt: timestamp("revoked_at"),
    /** A cohort the person joins with the invitation (they become one of its learners). */
    cohortId: text("cohort_id"),
    /**
     * Set for a personal invitation (lower case): only an account with this email may use it, once.
     * Without it the link lets in anyone who has it, up to its number of uses.
     */
    email: text("email"),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at").notNull(),
  },
  (t) => [index("invitations_org_idx").on(t.orgId, t.createdAt)],
);

export const supportResources = sqliteTable(
  "support_resources",
  {
    id: id(),
    orgId: text("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    purpose: text("purpose").notNull(),
    phone: text("phone").notNull().default(""),
    sms: text("sms").notNull().default(""),
    web: text("web").notNull().default(""),
    hours: text("hours").notNull().default(""),
    /** The nations it serves ("uk" for all of them) and who it is for ("everyone" for anyone). */
    nations: text("nations", { mode: "json" }).$type<string[]>().notNull().default(["uk"]),
    populations: text("populations", { mode: "json" }).$type<string[]>().notNull().default(["everyone"]),
    /** The service's own page its details were taken from, for checking them again. */
    source: text("source").notNull().default(""),
    position: integer("position").notNull(),
    updatedAt: timestamp("updated_at").notNull(),
  },
  (t) => [index("support_resources_org_idx").on(t.orgId, t.position)],
);

/**
 * Each default support resource (by its key in content/support-resources.json) an organisation has
 * been given once: a default the admins removed is not given again when the defaults change.
 */
export const supportDefaultsOffered = sqliteTable(
  "support_defaults_offered",
  {
    orgId: text("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    offeredAt: timestamp("offered_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.key] })],
);
