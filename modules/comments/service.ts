import { and, asc, count, eq, gt, inArray, isNull, ne, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { DB } from "../../db/client";
import { commentMentions, commentReads, comments, commentThreads, users } from "../../db/schema";
import { type Context, inTransaction } from "../auth/context";
import type { DocJSON } from "../documents/json";
import { openSuggestions } from "../documents/suggestions";
import { tellPeople } from "../notifications/tell";
import { NotFoundError } from "../shared/errors";
import { newId } from "../shared/ids";
import { listCollaborators } from "../workshop/collaborators";
import { loadModule } from "../workshop/module-access";
import { findMentions } from "./mentions";

/** A thread of this module, or "not found" (a forged id from another module or organisation). */
function threadInModule(db: DB, moduleId: string, threadId: string) {
  const thread = db
    .select()
    .from(commentThreads)
    .where(and(eq(commentThreads.id, threadId), eq(commentThreads.moduleId, moduleId)))
    .get();
  if (!thread) throw new NotFoundError("That comment thread");
  return thread;
}

/** Everyone else who wrote in the thread before: a reply is news to them. */
function earlierAuthors(db: DB, threadId: string): string[] {
  return db
    .selectDistinct({ authorId: comments.authorId })
    .from(comments)
    .where(eq(comments.threadId, threadId))
    .all()
    .flatMap((row) => (row.authorId ? [row.authorId] : []));
}

/**
 * Adds a comment, with its mentions, and tells the people mentioned and the thread's earlier
 * authors still on the module as each chose (someone both mentioned and replied to hears of the
 * mention only).
 */
export function addComment(ctx: Context, module: { id: string; title: string }, threadId: string, body: string) {
  const { db, actor, now } = ctx;
  const before = earlierAuthors(db, threadId);
  const id = newId();
  db.insert(comments).values({ id, threadId, authorId: actor.userId, body, createdAt: now }).run();
  const people = listCollaborators(db, module.id);
  const onModule = new Set(people.map((p) => p.userId));
  const mentioned = findMentions(body, people).filter((u) => u !== actor.userId);
  if (mentioned.length > 0) {
    db.insert(commentMentions)
      .values(mentioned.map((userId) => ({ commentId: id, userId })))
      .run();
  }
  const news = {
    orgId: actor.orgId,
    module,
    actor: { userId: actor.userId, name: actor.name },
    comment: { id, body },
  };
  tellPeople(db, { ...news, kind: "mention", to: mentioned }, now);
  tellPeople(db, { ...news, kind: "reply", to: before.filter((u) => onModule.has(u) && !mentioned.includes(u)) }, now);
  // Writing in the conversation means you have read it.
  saveReadAt(db, module.id, actor.userId, now);
  return id;
}

/** Starts a thread on the selected words. The editor then anchors it with a comment mark. */
export function startThread(ctx: Context, moduleId: string, input: { quote: string; body: string }) {
  return inTransaction(ctx, (tx) => {
    const { module } = loadModule(tx, moduleId, "comment");
    const threadId = newId();
    tx.db
      .insert(commentThreads)
      .values({ id: threadId, moduleId, quote: input.quote, createdBy: tx.actor.userId, createdAt: tx.now })
      .run();
    addComment(tx, module, threadId, input.body);
    tx.events.emit({ type: "comments.changed", moduleId });
    return threadId;
  });
}

export function reply(ctx: Context, moduleId: string, threadId: string, body: string) {
  return inTransaction(ctx, (tx) => {
    const { module } = loadModule(tx, moduleId, "comment");
    threadInModule(tx.db, moduleId, threadId);
    const id = addComment(tx, module, threadId, body);
    tx.events.emit({ type: "comments.changed", moduleId });
    return id;
  });
}

/** Resolves or reopens a thread. One already as asked stays as it is, and nobody's panel reloads. */
export function setResolved(ctx: Context, moduleId: string, threadId: string, resolved: boolean) {
  inTransaction(ctx, (tx) => {
    loadModule(tx, moduleId, "comment");
    const thread = threadInModule(tx.db, moduleId, threadId);
    if ((thread.resolvedAt !== null) === resolved) return;
    tx.db
      .update(commentThreads)
      .set(resolved ? { resolvedAt: tx.now, resolvedBy: tx.actor.userId } : { resolvedAt: null, resolvedBy: null })
      .where(eq(commentThreads.id, threadId))
      .run();
    tx.events.emit({ type: "comments.changed", moduleId });
  });
}

/** Facilitators moderate: a hidden comment stays in place, showing who hid it and why, not what it said. */
export function hideComment(ctx: Context, moduleId: string, commentId: string, reason: string) {
  inTransaction(ctx, (tx) => {
    loadModule(tx, moduleId, "facilitate");
    const row = tx.db
      .select({ id: comments.id })
      .from(comments)
      .innerJoin(commentThreads, eq(commentThreads.id, comments.threadId))
      .where(and(eq(comments.id, commentId), eq(commentThreads.moduleId, moduleId)))
      .get();
    if (!row) throw new NotFoundError("That comment");
    tx.db
      .update(comments)
      .set({ hiddenAt: tx.now, hiddenBy: tx.actor.userId, hiddenReason: reason })
      .where(eq(comments.id, commentId))
      .run();
    tx.events.emit({ type: "comments.changed", moduleId });
  });
}

function saveReadAt(db: DB, moduleId: string, userId: string, now: Date) {
  db.insert(commentReads)
    .values({ moduleId, userId, readAt: now })
    .onConflictDoUpdate({ target: [commentReads.moduleId, commentReads.userId], set: { readAt: now } })
    .run();
}

/** The person has read the module's comments: none of them counts as new for them any more. */
export function markRead(ctx: Context, moduleId: string) {
  inTransaction(ctx, (tx) => {
    loadModule(tx, moduleId);
    saveReadAt(tx.db, moduleId, tx.actor.userId, tx.now);
  });
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
function unreadCount(db: DB, moduleId: string, userId: string): number {
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
function anchoredThreadIds(doc: DocJSON): Set<string> {
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

/**
 * Every thread of a module with its comments, for the side panel. Hidden comments carry no body.
 * `detached` means the anchored words are gone from the document.
 */
function threadsOf(db: DB, moduleId: string, viewerId: string, doc: DocJSON) {
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
  const open = new Set(openSuggestions(doc).map((s) => s.id));
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
      // A suggestion's thread is settled once the suggestion is no longer open, however that came about.
      resolved: t.resolvedAt !== null || (t.suggestionId !== null && !open.has(t.suggestionId)),
      detached: t.suggestionId === null && !anchored.has(t.id),
      suggestionId: t.suggestionId,
      outcome: t.suggestionOutcome,
      comments: items,
      unread: items.filter((c) => c.unread).length,
    };
  });
}

/**
 * The module's threads as the person sees them beside `doc` (the document as it stands, which places
 * each thread on its words), and how many comments are new to them.
 */
export function moduleThreads(ctx: Context, moduleId: string, doc: DocJSON) {
  loadModule(ctx, moduleId);
  return {
    threads: threadsOf(ctx.db, moduleId, ctx.actor.userId, doc),
    unread: unreadCount(ctx.db, moduleId, ctx.actor.userId),
  };
}
