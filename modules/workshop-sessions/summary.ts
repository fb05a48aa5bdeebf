import { and, count, eq, gte, isNull, lte } from "drizzle-orm";
import type { DB } from "../../db/client";
import { comments, commentThreads, moduleDocUpdates, type SessionSummary } from "../../db/schema";
import type { DocJSON } from "../documents/json";
import { splitSections } from "../documents/sections";
import { openSuggestions } from "../documents/suggestions";

/** Each section of a module as it stands, by title: what a session's summary compares before and after. */
export function sectionsOf(doc: DocJSON): { title: string; json: string }[] {
  return splitSections(doc).map((section) => ({ title: section.title, json: JSON.stringify(section.nodes) }));
}

/** The sections added, removed or changed between the start of a session and its end, in the module's order. */
export function sectionsEdited(
  before: { title: string; json: string }[],
  after: { title: string; json: string }[],
): SessionSummary["sectionsEdited"] {
  const was = new Map(before.map((s) => [s.title, s.json]));
  const is = new Set(after.map((s) => s.title));
  const edited: SessionSummary["sectionsEdited"] = [];
  for (const section of after) {
    const old = was.get(section.title);
    if (old === undefined) edited.push({ title: section.title, change: "added" });
    else if (old !== section.json) edited.push({ title: section.title, change: "changed" });
  }
  for (const section of before) if (!is.has(section.title)) edited.push({ title: section.title, change: "removed" });
  return edited;
}

/**
 * What a facilitator is told when a session ends: the sections edited, the comment threads still
 * open and the suggestions still waiting. Check-ins never reach the server, so none can be here.
 */
export function summarise(db: DB, moduleId: string, sectionsAtStart: { title: string; json: string }[], doc: DocJSON) {
  const open = db
    .select({ quote: commentThreads.quote, replies: count(comments.id) })
    .from(commentThreads)
    .leftJoin(comments, eq(comments.threadId, commentThreads.id))
    .where(and(eq(commentThreads.moduleId, moduleId), isNull(commentThreads.resolvedAt)))
    .groupBy(commentThreads.id)
    .orderBy(commentThreads.createdAt)
    .all();
  return {
    sectionsEdited: sectionsEdited(sectionsAtStart, sectionsOf(doc)),
    openComments: open.map((thread) => ({ quote: thread.quote, replies: Math.max(0, thread.replies - 1) })),
    openSuggestions: openSuggestions(doc).length,
  } satisfies SessionSummary;
}

/** Who took part while the session ran: whoever changed the module or wrote a comment on it. */
export function takingPart(db: DB, moduleId: string, from: Date, to: Date): string[] {
  const editors = db
    .selectDistinct({ userId: moduleDocUpdates.userId })
    .from(moduleDocUpdates)
    .where(
      and(
        eq(moduleDocUpdates.moduleId, moduleId),
        gte(moduleDocUpdates.createdAt, from),
        lte(moduleDocUpdates.createdAt, to),
      ),
    )
    .all();
  const commenters = db
    .selectDistinct({ userId: comments.authorId })
    .from(comments)
    .innerJoin(commentThreads, eq(commentThreads.id, comments.threadId))
    .where(and(eq(commentThreads.moduleId, moduleId), gte(comments.createdAt, from), lte(comments.createdAt, to)))
    .all();
  return [...new Set([...editors, ...commenters].map((row) => row.userId).filter((id): id is string => !!id))];
}
