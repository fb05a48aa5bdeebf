import { and, desc, eq } from "drizzle-orm";
import { supervisionPages } from "../../db/schema";
import type { SharedCopy, SharedSelfCarePlan } from "../../db/schema/supervision";
import { type Context, inTransaction } from "../auth/context";
import { authorize } from "../auth/policy";
import { listJournal } from "../learning/index";
import { mySelfCarePlan } from "../self-care/index";
import { InvalidError, NotFoundError } from "../shared/errors";
import { newId } from "../shared/ids";
import type { SupervisionPageInput } from "./schemas";

/**
 * A learner's "For my supervision" pages. Every query is filtered to the learner themself: a
 * trainer's or admin's id in the URL finds nothing, as another organisation's does.
 */

/** Looked up as the person's own before any role is asked about: anyone else's id is simply not there. */
function ownRow(ctx: Context, id: string) {
  const row = ctx.db
    .select()
    .from(supervisionPages)
    .where(
      and(
        eq(supervisionPages.id, id),
        eq(supervisionPages.userId, ctx.actor.userId),
        eq(supervisionPages.orgId, ctx.actor.orgId),
      ),
    )
    .get();
  if (!row) throw new NotFoundError("That supervision page");
  authorize(ctx.actor, "learning.take", row);
  return row;
}

/** The chosen ids, each the learner's own entry: anyone else's (forged, or since deleted) is not there. */
function ownEntryIds(ctx: Context, ids: readonly string[]): string[] {
  const own = new Set(listJournal(ctx).map((e) => e.id));
  if (ids.some((id) => !own.has(id))) throw new NotFoundError("That journal entry");
  if (ids.length === 0) throw new InvalidError("Choose at least one journal entry to bring.", "entryIds");
  return [...new Set(ids)];
}

export function createSupervisionPage(ctx: Context, input: SupervisionPageInput) {
  authorize(ctx.actor, "learning.take");
  return inTransaction(ctx, (tx) => {
    const row = {
      id: newId(),
      orgId: tx.actor.orgId,
      userId: tx.actor.userId,
      title: input.title,
      points: input.points,
      entryIds: ownEntryIds(tx, input.entryIds),
      includeSelfCarePlan: input.includeSelfCarePlan ?? false,
      createdAt: tx.now,
      updatedAt: tx.now,
    };
    tx.db.insert(supervisionPages).values(row).run();
    return { id: row.id };
  });
}

export function updateSupervisionPage(ctx: Context, id: string, input: SupervisionPageInput) {
  return inTransaction(ctx, (tx) => {
    const page = ownRow(tx, id);
    tx.db
      .update(supervisionPages)
      .set({
        title: input.title,
        points: input.points,
        entryIds: ownEntryIds(tx, input.entryIds),
        includeSelfCarePlan: input.includeSelfCarePlan ?? false,
        updatedAt: tx.now,
      })
      .where(eq(supervisionPages.id, page.id))
      .run();
  });
}

export function mySupervisionPages(ctx: Context) {
  authorize(ctx.actor, "learning.take");
  return ctx.db
    .select({ id: supervisionPages.id, title: supervisionPages.title, updatedAt: supervisionPages.updatedAt })
    .from(supervisionPages)
    .where(and(eq(supervisionPages.userId, ctx.actor.userId), eq(supervisionPages.orgId, ctx.actor.orgId)))
    .orderBy(desc(supervisionPages.updatedAt))
    .all();
}

/** The learner's own plan, when they chose to bring it, as it reads today (none yet is none). */
function planBrought(ctx: Context, included: boolean): SharedSelfCarePlan | null {
  const plan = included ? mySelfCarePlan(ctx) : null;
  return plan ? { signs: plan.signs, helps: plan.helps, contacts: plan.contacts, boundaries: plan.boundaries } : null;
}

/** The page as it reads now: its points and the chosen entries as they are in the journal today. */
export function supervisionPage(ctx: Context, id: string) {
  const page = ownRow(ctx, id);
  const journal = listJournal(ctx);
  const chosen = new Set(page.entryIds);
  const entries = journal.filter((e) => chosen.has(e.id));
  return {
    id: page.id,
    title: page.title,
    points: page.points,
    entryIds: entries.map((e) => e.id),
    entries: entries.map((e) => ({ id: e.id, prompt: e.prompt, context: e.context, body: e.body })),
    journal: journal.map((e) => ({ id: e.id, prompt: e.prompt, context: e.context })),
    includeSelfCarePlan: page.includeSelfCarePlan,
    selfCarePlan: planBrought(ctx, page.includeSelfCarePlan),
    updatedAt: page.updatedAt,
  };
}

/** What a share freezes: the page's words and its entries' words, nothing that points back. */
export function copyOf(page: ReturnType<typeof supervisionPage>): SharedCopy {
  return {
    title: page.title,
    points: page.points,
    entries: page.entries.map(({ prompt, context, body }) => ({ prompt, context, body })),
    ...(page.selfCarePlan ? { selfCarePlan: page.selfCarePlan } : {}),
  };
}
