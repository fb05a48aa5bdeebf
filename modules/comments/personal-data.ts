import { and, eq, inArray, notExists } from "drizzle-orm";
import type { DB } from "../../db/client";
import { commentMentions, commentReads, comments, commentThreads } from "../../db/schema";

export const commentRows = (db: DB, userId: string) =>
  db
    .select({
      id: comments.id,
      threadId: comments.threadId,
      moduleId: commentThreads.moduleId,
      body: comments.body,
      createdAt: comments.createdAt,
      hiddenAt: comments.hiddenAt,
    })
    .from(comments)
    .innerJoin(commentThreads, eq(commentThreads.id, comments.threadId))
    .where(eq(comments.authorId, userId))
    .all();

export const threadRows = (db: DB, userId: string) =>
  db
    .select({
      id: commentThreads.id,
      moduleId: commentThreads.moduleId,
      quote: commentThreads.quote,
      createdAt: commentThreads.createdAt,
    })
    .from(commentThreads)
    .where(eq(commentThreads.createdBy, userId))
    .all();

export const mentionRows = (db: DB, userId: string) =>
  db.select().from(commentMentions).where(eq(commentMentions.userId, userId)).all();

export const readRows = (db: DB, userId: string) =>
  db.select().from(commentReads).where(eq(commentReads.userId, userId)).all();

/**
 * Mentions of the person and how far they read go. Their comments stay in the conversation under
 * the tombstone's name, "A former member", unless they asked for them to be removed: then they go,
 * and so does any thread left with no comment at all.
 */
export function eraseCommentTraces(db: DB, userId: string, removeComments: boolean) {
  db.delete(commentMentions).where(eq(commentMentions.userId, userId)).run();
  db.delete(commentReads).where(eq(commentReads.userId, userId)).run();
  if (!removeComments) return;
  const threads = db
    .selectDistinct({ id: comments.threadId })
    .from(comments)
    .where(eq(comments.authorId, userId))
    .all()
    .map((t) => t.id);
  db.delete(comments).where(eq(comments.authorId, userId)).run();
  if (threads.length === 0) return;
  db.delete(commentThreads)
    .where(
      and(
        inArray(commentThreads.id, threads),
        notExists(db.select({ id: comments.id }).from(comments).where(eq(comments.threadId, commentThreads.id))),
      ),
    )
    .run();
}
