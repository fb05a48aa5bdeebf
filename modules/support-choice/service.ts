import { eq } from "drizzle-orm";
import { supportChoices } from "../../db/schema";
import type { Context } from "../auth/context";
import {
  NATIONS,
  type Nation,
  POPULATIONS,
  type Population,
  supportForLearners,
  supportNow,
} from "../organisations/index";
import { eraseSupportChoice } from "./personal-data";
import { fitsByName, rankForChoice, type SupportChoice } from "./rank";
import type { SupportChoiceInput } from "./schemas";

/*
 * Every entry point reads and writes the choice of the person asking, by their own user id, and
 * nothing else: there is no way to name someone else's, so no trainer or admin can read it. Nothing
 * here is audited or logged (docs/decisions/0030).
 */

const isNation = (v: unknown): v is Nation => (NATIONS as readonly unknown[]).includes(v);
const isPopulation = (v: unknown): v is Population => (POPULATIONS as readonly unknown[]).includes(v);

/** The person's own choice, or null if they have not made one (or skipped it). */
export function mySupportChoice(ctx: Context): SupportChoice | null {
  const row = ctx.db.select().from(supportChoices).where(eq(supportChoices.userId, ctx.actor.userId)).get();
  if (!row) return null;
  return { nation: isNation(row.nation) ? row.nation : null, populations: row.populations.filter(isPopulation) };
}

/** Saves the choice; with neither question answered there is nothing to keep, so it is forgotten. */
export function setMySupportChoice(ctx: Context, input: SupportChoiceInput) {
  const populations = [...new Set(input.populations)];
  if (!input.nation && populations.length === 0) return forgetMySupportChoice(ctx);
  const values = { nation: input.nation, populations, updatedAt: ctx.now };
  ctx.db
    .insert(supportChoices)
    .values({ userId: ctx.actor.userId, ...values })
    .onConflictDoUpdate({ target: supportChoices.userId, set: values })
    .run();
}

export function forgetMySupportChoice(ctx: Context) {
  eraseSupportChoice(ctx.db, ctx.actor.userId);
}

/** Support now for the person: their organisation's resources, what fits their choice first. */
export function supportNowForMe(ctx: Context) {
  const { organisation, resources } = supportNow(ctx);
  const choice = mySupportChoice(ctx);
  return {
    organisation,
    choice,
    resources: rankForChoice(resources, choice).map((r) => ({ ...r, forYou: fitsByName(r, choice) })),
  };
}

/** The resources a support signpost in training shows the person, what fits their choice first. */
export function supportInTrainingForMe(ctx: Context) {
  const choice = mySupportChoice(ctx);
  return rankForChoice(supportForLearners(ctx), choice).map((r) => ({ ...r, forYou: fitsByName(r, choice) }));
}
