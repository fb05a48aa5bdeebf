import { and, asc, count, eq, gt, inArray, isNull, ne, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { DB } from "../../db/client";
import { commentMentions, commentReads, comments, commentThreads, users } from "../../db/schema";
import type { Actor } from "../auth/policy";
import type { DocJSON } from "../documents/json";
import { ForbiddenError, NotFoundError } from "../shared/errors";
import { newId } from "../shared/ids";
import { listCollaborators } from "../workshop/collaborators";
import { openModule } from "../workshop/service";
import { findMentions } from "./mentions";

function requireCommenting(db: DB, actor: Actor, moduleId: string) {
  const opened = openModule(db, actor, moduleId);
  if (!opened.access.comment) throw new ForbiddenError("Only the module's collaborators can comment.");
  return opened;
}

/** A thread of this module, or "not found" (a forged id from another module or organisation). */
function threadInModule(db: DB, moduleId: string, threadId: string) {
  const thread = db.select().from(commentThreads).where(eq(commentThreads.id, threadId)).get();
  if (!thread || thread.moduleId !== moduleId) throw new NotFoundError("That comment thread");
  return thread;
}

function addComment(db: DB, moduleId: string, threadId: string, authorId: string, body: string, now: Date) {
  const id = newId();
  db.insert(comments).values({ id, threadId, authorId, body, createdAt: now }).run();
  const mentioned = findMentions(body, listCollaborators(db, moduleId)).filter((u) => u !== authorId);
  if (mentioned.length > 0) {
    db.insert(commentMentions)
      .values(mentioned.map((userId) => ({ commentId: id, userId })))
      .run();
  }
  // Writing in the conversation means you have read it.
  markRead(db, moduleId, authorId, now);
  return id;
}

/** Starts a thread on the selected words. The editor then anchors it with a comment mark. */
export function startThread(
  db: DB,
  actor: Actor,
  moduleId: string,
  input: { quote: string; body: string },
  now = new Date(),
) {
  requireCommenting(db, actor, moduleId);
  return db.transaction((tx) => {
    const threadId = newId();
    tx.insert(commentThreads)
      .values({ id: threadId, moduleId, quote: input.quote, createdBy: actor.userId, createdAt: now })
      .run();
    addComment(tx, moduleId, threadId, actor.userId, input.body, now);
    return threadId;
  });
}

export function reply(db: DB, actor: Actor, moduleId: string, threadId: string, body: string, now = new Date()) {
  requireCommenting(db, actor, moduleId);
  return db.transaction((tx) => {
    threadInModule(tx, moduleId, threadId);
    return addComment(tx, moduleId, threadId, actor.userId, body, now);
  });
}

export function setResolved(
  db: DB,
  actor: Actor,
  moduleId: string,
  threadId: string,
  resolved: boolean,
  now = new Date(),
) {
  requireCommenting(db, actor, moduleId);
  threadInModule(db, moduleId, threadId);
  db.update(commentThreads)
    .set(resolved ? { resolvedAt: now, resolvedBy: actor.userId } : { resolvedAt: null, resolvedBy: null })
    .where(eq(commentThreads.id, threadId))
    .run();
}

/** Facilitators moderate: a hidden comment stays in place, showing who hid it and why, not what it said. */
export function hideComment(
  db: DB,
  actor: Actor,
  moduleId: string,
  commentId: string,
  reason: string,
  now = new Date(),
) {
  const { access } = openModule(db, actor, moduleId);
  if (!access.facilitate) throw new ForbiddenError("Only the module's facilitators can hide comments.");
  const row = db
    .select({ moduleId: commentThreads.moduleId })
    .from(comments)
    .innerJoin(commentThreads, eq(commentThreads.id, comments.threadId))
    .where(eq(comments.id, commentId))
    .get();
  if (!row || row.moduleId !== moduleId) throw new NotFoundError("That comment");
  db.update(comments)
    .set({ hiddenAt: now, hiddenBy: actor.userId, hiddenReason: reason })
    .where(eq(comments.id, commentId))
    .run();
}

export function markRead(db: DB, moduleId: string, userId: string, now = new Date()) {
  db.insert(commentReads)
    .values({ moduleId, userId, readAt: now })
    .onConflictDoUpdate({ target: [commentReads.moduleId, commentReads.userId], set: { readAt: now } })
    .run();
}

function readAt(db: DB, moduleId: string, userId: string): Date {
  const row = db
    .select({ readAt: commentReads.readAt })
    .from(commentReads)
    .where(and(eq(commentReads.moduleId, moduleId), eq(commentReads.userId, userId)))
    .get();
  return row?.readAt ?? new Date(0);
}

/** Comments by others since the person last read this module's comments. */
export function unreadCount(db: DB, moduleId: string, userId: string): number {
  const since = readAt(db, moduleId, userId);
  const row = db
    .select({ n: count() })
    .from(comments)
    .innerJoin(commentThreads, eq(commentThreads.id, comments.threadId))
    .where(
      and(
        eq(commentThreads.moduleId, moduleId),
        gt(comments.createdAt, since),
        or(isNull(comments.authorId), ne(comments.authorId, userId)),
      ),
    )
    .get();
  return row?.n ?? 0;
}

/** Thread ids anchored somewhere in a document (by its comment marks). */
export function anchoredThreadIds(doc: DocJSON): Set<string> {
  const ids = new Set<string>();
  const walk = (node: DocJSON) => {
    for (const mark of node.marks ?? []) {
      if (mark.type === "comment" && typeof mark.attrs?.threadId === "string") ids.add(mark.attrs.threadId);
    }
    for (const child of node.content ?? []) walk(child);
  };
  walk(doc);
  return ids;
}

export type ThreadView = ReturnType<typeof listThreads>[number];

/**
 * Every thread of a module with its comments, for the side panel. Hidden comments carry no body.
 * `detached` means the anchored words are gone from the document.
 */
export function listThreads(db: DB, moduleId: string, viewerId: string, doc: DocJSON) {
  const anchored = anchoredThreadIds(doc);
  const since = readAt(db, moduleId, viewerId);
  const threads = db
    .select()
    .from(commentThreads)
    .where(eq(commentThreads.moduleId, moduleId))
    // Insertion order breaks ties: two threads can start within the same millisecond.
    .orderBy(asc(commentThreads.createdAt), sql`${commentThreads}.rowid`)
    .all();
  if (threads.length === 0) return [];
  const author = alias(users, "author");
  const hider = alias(users, "hider");
  const rows = db
    .select({
      id: comments.id,
      threadId: comments.threadId,
      authorId: comments.authorId,
      authorName: author.name,
      body: comments.body,
      createdAt: comments.createdAt,
      hiddenAt: comments.hiddenAt,
      hiddenBy: hider.name,
      hiddenReason: comments.hiddenReason,
      mentionsMe: sql<number>`exists (select 1 from ${commentMentions} where ${commentMentions.commentId} = ${comments.id} and ${commentMentions.userId} = ${viewerId})`,
    })
    .from(comments)
    .leftJoin(author, eq(author.id, comments.authorId))
    .leftJoin(hider, eq(hider.id, comments.hiddenBy))
    .where(
      inArray(
        comments.threadId,
        threads.map((t) => t.id),
      ),
    )
    .orderBy(asc(comments.createdAt), sql`${comments}.rowid`)
    .all();
  return threads.map((t) => {
    const items = rows
      .filter((c) => c.threadId === t.id)
      .map((c) => ({
        id: c.id,
        authorName: c.authorName ?? "A former member",
        mine: c.authorId === viewerId,
        body: c.hiddenAt ? null : c.body,
        hidden: c.hiddenAt ? { by: c.hiddenBy ?? "a facilitator", reason: c.hiddenReason ?? "" } : null,
        createdAt: c.createdAt,
        unread: c.createdAt > since && c.authorId !== viewerId,
        mentionsMe: Boolean(c.mentionsMe),
      }));
    return {
      id: t.id,
      quote: t.quote,
      resolved: t.resolvedAt !== null,
      detached: !anchored.has(t.id),
      comments: items,
      unread: items.filter((c) => c.unread).length,
    };
  });
}
