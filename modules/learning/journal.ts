import { and, desc, eq, sql } from "drizzle-orm";
import type { DB } from "../../db/client";
import { prepared } from "../../db/prepared";
import { reflections } from "../../db/schema";
import type { Actor } from "../auth/policy";
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

export function listJournal(db: DB, actor: Actor) {
  return db
    .select({
      id: reflections.id,
      prompt: reflections.prompt,
      context: reflections.context,
      body: reflections.body,
      createdAt: reflections.createdAt,
      updatedAt: reflections.updatedAt,
    })
    .from(reflections)
    .where(and(eq(reflections.userId, actor.userId), eq(reflections.orgId, actor.orgId)))
    .orderBy(desc(reflections.updatedAt))
    .all();
}

export function journalEntry(db: DB, actor: Actor, id: string) {
  const row = db.select().from(reflections).where(eq(reflections.id, id)).get();
  if (!row || row.userId !== actor.userId) throw new NotFoundError("That journal entry");
  return row;
}

export function updateJournalEntry(db: DB, actor: Actor, id: string, body: string, now = new Date()) {
  journalEntry(db, actor, id);
  db.update(reflections).set({ body, updatedAt: now }).where(eq(reflections.id, id)).run();
}

export function deleteJournalEntry(db: DB, actor: Actor, id: string) {
  journalEntry(db, actor, id);
  db.delete(reflections)
    .where(and(eq(reflections.id, id), eq(reflections.userId, actor.userId)))
    .run();
}

/** The whole journal as a Markdown file the learner can keep or take to supervision. */
export function exportJournal(db: DB, actor: Actor, now = new Date()): string {
  const entries = listJournal(db, actor);
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
