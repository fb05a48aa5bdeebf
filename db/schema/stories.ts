import { primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { users } from "./accounts";
import { timestamp } from "./columns";
import { organisations } from "./organisations";
import { modules } from "./workshop";

/**
 * Stories withdrawn by the people who shared them, by module and story block. Every page, export and
 * new version consults it, so a withdrawal holds in versions published before it and cannot be undone
 * by an edit to the draft. It names no one and holds none of the story.
 */
export const storyWithdrawals = sqliteTable(
  "story_withdrawals",
  {
    orgId: text("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    moduleId: text("module_id")
      .notNull()
      .references(() => modules.id, { onDelete: "cascade" }),
    storyId: text("story_id").notNull(),
    withdrawnAt: timestamp("withdrawn_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.moduleId, t.storyId] })],
);

/**
 * Each time a storyteller was asked to look at a story again once its review date passed: once per
 * story and review date. `answer` is what they said (confirmed or withdrew); `facilitatorToldAt` is
 * when the module's facilitators heard there was no answer.
 */
export const storyReviews = sqliteTable(
  "story_reviews",
  {
    orgId: text("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    moduleId: text("module_id")
      .notNull()
      .references(() => modules.id, { onDelete: "cascade" }),
    storyId: text("story_id").notNull(),
    reviewOn: text("review_on").notNull(),
    storytellerId: text("storyteller_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    askedAt: timestamp("asked_at").notNull(),
    answer: text("answer", { enum: ["confirmed", "withdrawn"] }),
    answeredAt: timestamp("answered_at"),
    facilitatorToldAt: timestamp("facilitator_told_at"),
  },
  (t) => [primaryKey({ columns: [t.moduleId, t.storyId, t.reviewOn] })],
);
