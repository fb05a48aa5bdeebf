import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { users } from "./accounts";
import { id, timestamp } from "./columns";
import { courses, courseVersions } from "./learning";
import { invitations, organisations } from "./organisations";

/** A group of learners taking training together, with the people who facilitate it. */
export const cohorts = sqliteTable(
  "cohorts",
  {
    id: id(),
    orgId: text("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    /** Calendar dates (YYYY-MM-DD), not instants: a cohort starts on a day, wherever you are. */
    startsOn: text("starts_on").notNull(),
    endsOn: text("ends_on"),
    archivedAt: timestamp("archived_at"),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at").notNull(),
  },
  (t) => [index("cohorts_org_idx").on(t.orgId, t.archivedAt)],
);

/** Who facilitates a cohort, with the short bio learners see before they begin. */
export const cohortFacilitators = sqliteTable(
  "cohort_facilitators",
  {
    cohortId: text("cohort_id")
      .notNull()
      .references(() => cohorts.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    bio: text("bio").notNull().default(""),
  },
  (t) => [primaryKey({ columns: [t.cohortId, t.userId] })],
);

export const cohortMembers = sqliteTable(
  "cohort_members",
  {
    cohortId: text("cohort_id")
      .notNull()
      .references(() => cohorts.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    addedAt: timestamp("added_at").notNull(),
    removedAt: timestamp("removed_at"),
  },
  (t) => [primaryKey({ columns: [t.cohortId, t.userId] }), index("cohort_members_user_idx").on(t.userId)],
);

/** People invited into a cohort (from a CSV) who have not joined yet. */
export const cohortInvitees = sqliteTable(
  "cohort_invitees",
  {
    cohortId: text("cohort_id")
      .notNull()
      .references(() => cohorts.id, { onDelete: "cascade" }),
    invitationId: text("invitation_id")
      .notNull()
      .references(() => invitations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    email: text("email").notNull(),
    addedAt: timestamp("added_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.cohortId, t.invitationId] })],
);

/** A course version (or a single module, as a one-module course) given to a cohort, maybe with a due date. */
export const assignments = sqliteTable(
  "assignments",
  {
    id: id(),
    cohortId: text("cohort_id")
      .notNull()
      .references(() => cohorts.id, { onDelete: "cascade" }),
    courseId: text("course_id")
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    courseVersionId: text("course_version_id")
      .notNull()
      .references(() => courseVersions.id),
    dueOn: text("due_on"),
    /** The trainer offers a self-paced route: a learner may work through it alone instead of the live sessions. */
    selfPacedRoute: integer("self_paced_route", { mode: "boolean" }).notNull().default(false),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at").notNull(),
  },
  (t) => [index("assignments_cohort_idx").on(t.cohortId)],
);

/** When a trainer last looked at a cohort, so they see what happened since. */
export const cohortVisits = sqliteTable(
  "cohort_visits",
  {
    cohortId: text("cohort_id")
      .notNull()
      .references(() => cohorts.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    visitedAt: timestamp("visited_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.cohortId, t.userId] })],
);

/**
 * Learners who took the self-paced route of an assignment instead of its live sessions. Nobody is
 * asked why, so nothing here holds a reason.
 */
export const selfPacedLearners = sqliteTable(
  "self_paced_learners",
  {
    assignmentId: text("assignment_id")
      .notNull()
      .references(() => assignments.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    chosenAt: timestamp("chosen_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.assignmentId, t.userId] })],
);

/**
 * A learner's private request to move to another cohort of the organisation. The reason is theirs to
 * give or not; only the organisation's trainers see it, and no export carries it.
 */
export const cohortMoveRequests = sqliteTable(
  "cohort_move_requests",
  {
    id: id(),
    orgId: text("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    fromCohortId: text("from_cohort_id")
      .notNull()
      .references(() => cohorts.id, { onDelete: "cascade" }),
    toCohortId: text("to_cohort_id")
      .notNull()
      .references(() => cohorts.id, { onDelete: "cascade" }),
    reason: text("reason").notNull().default(""),
    createdAt: timestamp("created_at").notNull(),
    /** When a trainer moved them, or kept them where they are. */
    resolvedAt: timestamp("resolved_at"),
    outcome: text("outcome", { enum: ["moved", "kept"] }),
  },
  (t) => [index("cohort_move_requests_from_idx").on(t.fromCohortId, t.resolvedAt)],
);
