import { eq } from "drizzle-orm";
import type { DB } from "../../db/client";
import { reviewRequestPeople, reviewRequests } from "../../db/schema";

export const reviewRequestsMadeRows = (db: DB, userId: string) =>
  db
    .select({
      moduleId: reviewRequests.moduleId,
      dueOn: reviewRequests.dueOn,
      note: reviewRequests.note,
      createdAt: reviewRequests.createdAt,
    })
    .from(reviewRequests)
    .where(eq(reviewRequests.requestedBy, userId))
    .all();

export const reviewRequestAnswerRows = (db: DB, userId: string) =>
  db
    .select({
      requestId: reviewRequestPeople.requestId,
      answeredAt: reviewRequestPeople.answeredAt,
      note: reviewRequestPeople.answerNote,
      remindedAt: reviewRequestPeople.remindedAt,
    })
    .from(reviewRequestPeople)
    .where(eq(reviewRequestPeople.userId, userId))
    .all();

export function eraseReviewRequestAnswers(db: DB, userId: string) {
  db.delete(reviewRequestPeople).where(eq(reviewRequestPeople.userId, userId)).run();
}
