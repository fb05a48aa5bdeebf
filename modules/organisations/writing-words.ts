import { eq } from "drizzle-orm";
import defaults from "../../content/graphic-detail-words.json";
import { organisations } from "../../db/schema";
import { recordAudit } from "../audit/service";
import { type Context, inTransaction } from "../auth/context";
import { authorize } from "../auth/policy";

export const DEFAULT_GRAPHIC_DETAIL_WORDS: readonly string[] = defaults.words;

/**
 * The words the writing hints point out as graphic detail, for anyone of the organisation who
 * writes or reviews its modules: its own list, or the default one until its admins change it.
 */
export function graphicDetailWords(ctx: Context): readonly string[] {
  const row = ctx.db
    .select({ words: organisations.graphicDetailWords })
    .from(organisations)
    .where(eq(organisations.id, ctx.actor.orgId))
    .get();
  return row?.words ?? DEFAULT_GRAPHIC_DETAIL_WORDS;
}

/** The list as admins edit it, and whether it is still the default. */
export function graphicDetailWordsToManage(ctx: Context) {
  authorize(ctx.actor, "organisation.manage");
  const words = graphicDetailWords(ctx);
  return { words, isDefault: words === DEFAULT_GRAPHIC_DETAIL_WORDS, defaults: DEFAULT_GRAPHIC_DETAIL_WORDS };
}

export function setGraphicDetailWords(ctx: Context, input: { words: string[] }) {
  authorize(ctx.actor, "organisation.manage");
  inTransaction(ctx, ({ db, actor, now }) => {
    db.update(organisations).set({ graphicDetailWords: input.words }).where(eq(organisations.id, actor.orgId)).run();
    recordAudit(
      db,
      { orgId: actor.orgId, actorUserId: actor.userId, action: "organisation.writing_words_changed" },
      now,
    );
  });
}
