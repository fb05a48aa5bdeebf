import { and, desc, eq, sql } from "drizzle-orm";
import type { DB } from "../../db/client";
import { prepared } from "../../db/prepared";
import { reflections } from "../../db/schema";
import type { Context } from "../auth/context";
import { type Actor, authorize } from "../auth/policy";
import { NotFoundError } from "../shared/errors";
import { newId } from "../shared/ids";

/**
 * The private reflection journal. Every query here is filtered to the learner themself: no other
 * role, report or export ever reads it, and nothing in it is written to logs or audit events.
 */

/**
 * Saves an answer to a prompt, one entry per place it was written: the same prompt answered in
 * another course (the same module version in two courses) is another entry, never an overwrite.
 * Call it through `reflect` (steps.ts), which checks the prompt belongs to the learner's section.
 */
export function saveReflection(
  db: DB,
  actor: Actor,
  input: {
    enrolmentId: string;
    moduleVersionId: string;
    promptId: string;
    prompt: string;
    context: string;
    body: string;
  },
  now = new Date(),
) {
  return db
    .insert(reflections)
    .values({ id: newId(), userId: actor.userId, orgId: actor.orgId, ...input, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({
      target: [reflections.enrolmentId, reflections.moduleVersionId, reflections.promptId],
      set: { body: input.body, updatedAt: now },
    })
    .returning({ id: reflections.id })
    .get().id;
}

/** The learner's answers to the prompts of one module version in one of their courses, by prompt id. */
const reflectionsQuery = prepared((db) =>
  db
    .select({ promptId: reflections.promptId, body: reflections.body })
    .from(reflections)
    .where(
      and(
        eq(reflections.userId, sql.placeholder("userId")),
        eq(reflections.enrolmentId, sql.placeholder("enrolmentId")),
        eq(reflections.moduleVersionId, sql.placeholder("moduleVersionId")),
      ),
    )
    .prepare(),
);

export function reflectionsFor(db: DB, actor: Actor, enrolmentId: string, moduleVersionId: string) {
  return new Map(
    reflectionsQuery(db)
      .all({ userId: actor.userId, enrolmentId, moduleVersionId })
      .map((r) => [r.promptId ?? "", r.body]),
  );
}

/** The learner's own entries, newest first. Only ever the person's own, in their organisation. */
export function listJournal(ctx: Context) {
  authorize(ctx.actor, "learning.take");
  return ctx.db
    .select({
      id: reflections.id,
      prompt: reflections.prompt,
      context: reflections.context,
      body: reflections.body,
      createdAt: reflections.createdAt,
      updatedAt: reflections.updatedAt,
    })
    .from(reflections)
    .where(and(eq(reflections.userId, ctx.actor.userId), eq(reflections.orgId, ctx.actor.orgId)))
    .orderBy(desc(reflections.updatedAt))
    .all();
}

/** One of the learner's own entries; anyone else's (or another organisation's) is not there. */
export function journalEntry(ctx: Context, id: string) {
  authorize(ctx.actor, "learning.take");
  const row = ctx.db
    .select()
    .from(reflections)
    .where(
      and(eq(reflections.id, id), eq(reflections.userId, ctx.actor.userId), eq(reflections.orgId, ctx.actor.orgId)),
    )
    .get();
  if (!row) throw new NotFoundError("That journal entry");
  return row;
}

export function updateJournalEntry(ctx: Context, id: string, body: string) {
  const entry = journalEntry(ctx, id);
  ctx.db.update(reflections).set({ body, updatedAt: ctx.now }).where(eq(reflections.id, entry.id)).run();
}

export function deleteJournalEntry(ctx: Context, id: string) {
  const entry = journalEntry(ctx, id);
  ctx.db.delete(reflections).where(eq(reflections.id, entry.id)).run();
}

/** The whole journal as a Markdown file the learner can keep or take to supervision. */
export function exportJournal(ctx: Context): string {
  const entries = listJournal(ctx);
  const now = ctx.now;
  const date = (d: Date) =>
    d.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/London" });
  const lines = [`# My reflection journal`, "", `Exported on ${date(now)}. This is private to you.`, ""];
  for (const e of entries) {
    lines.push(
      `## ${e.prompt}`,
      "",
      `_${e.context ? `${e.context}, ` : ""}written ${date(e.createdAt)}${e.updatedAt.getTime() !== e.createdAt.getTime() ? `, last changed ${date(e.updatedAt)}` : ""}_`,
      "",
      e.body,
      "",
    );
  }
  if (entries.length === 0) lines.push("There are no entries yet.", "");
  return lines.join("\n");
}
