import { eq } from "drizzle-orm";
import type { DB } from "../../db/client";
import { modules, storyReviews } from "../../db/schema";
import { loadDocumentJSON } from "../collaboration/store";
import { withdrawStoredStory } from "./erase";
import { storiesIn } from "./told";

export const storyReviewRows = (db: DB, userId: string) =>
  db
    .select({
      moduleId: storyReviews.moduleId,
      storyId: storyReviews.storyId,
      reviewOn: storyReviews.reviewOn,
      askedAt: storyReviews.askedAt,
      answer: storyReviews.answer,
      answeredAt: storyReviews.answeredAt,
    })
    .from(storyReviews)
    .where(eq(storyReviews.storytellerId, userId))
    .all();

/**
 * An erased account's stories go for good: each is withdrawn in every organisation it was told in,
 * as if the storyteller had withdrawn it themself (draft, published versions, history, search), and
 * the record of being asked to review them is deleted.
 */
export function eraseStories(db: DB, userId: string, now: Date) {
  const orgs = db.selectDistinct({ orgId: modules.orgId }).from(modules).all();
  for (const { orgId } of orgs) {
    for (const story of storiesIn(db, orgId, (id) => loadDocumentJSON(db, id), { storytellerId: userId })) {
      withdrawStoredStory(db, { orgId, moduleId: story.moduleId, storyId: story.id }, now);
    }
  }
  db.delete(storyReviews).where(eq(storyReviews.storytellerId, userId)).run();
}
