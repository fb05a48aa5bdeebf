import { and, eq } from "drizzle-orm";
import { selfCarePlans } from "../../db/schema";
import type { SharedSelfCarePlan } from "../../db/schema/supervision";
import type { Context } from "../auth/context";
import { authorize } from "../auth/policy";
import { newId } from "../shared/ids";
import { eraseSelfCarePlan } from "./personal-data";
import type { SelfCarePlanInput } from "./schemas";

/*
 * Every entry point reads and writes the plan of the learner asking, in their own organisation, and
 * nothing else: there is no id to name someone else's by, so no trainer or admin can read it. Nothing
 * here is audited or logged (docs/decisions/0030).
 */

export type SelfCarePlan = SharedSelfCarePlan & { updatedAt: Date };

/** The learner's own plan in this organisation, or null before they have written one. */
export function mySelfCarePlan(ctx: Context): SelfCarePlan | null {
  authorize(ctx.actor, "learning.take");
  const row = ctx.db
    .select()
    .from(selfCarePlans)
    .where(and(eq(selfCarePlans.userId, ctx.actor.userId), eq(selfCarePlans.orgId, ctx.actor.orgId)))
    .get();
  if (!row) return null;
  return {
    signs: row.signs,
    helps: row.helps,
    contacts: row.contacts,
    boundaries: row.boundaries,
    updatedAt: row.updatedAt,
  };
}

/**
 * Saves the plan, the one plan whichever course or page it is written from. A plan with every part
 * blank holds nothing, so it is forgotten rather than kept empty.
 */
export function saveSelfCarePlan(ctx: Context, input: SelfCarePlanInput) {
  authorize(ctx.actor, "learning.take");
  const words = { signs: input.signs, helps: input.helps, contacts: input.contacts, boundaries: input.boundaries };
  if (Object.values(words).every((v) => v === "")) {
    eraseSelfCarePlan(ctx.db, ctx.actor.userId, ctx.actor.orgId);
    return { kept: false };
  }
  ctx.db
    .insert(selfCarePlans)
    .values({
      id: newId(),
      orgId: ctx.actor.orgId,
      userId: ctx.actor.userId,
      ...words,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .onConflictDoUpdate({ target: [selfCarePlans.orgId, selfCarePlans.userId], set: { ...words, updatedAt: ctx.now } })
    .run();
  return { kept: true };
}
