import { and, eq } from "drizzle-orm";
import { commentThreads } from "../../db/schema";
import { type Context, inTransaction } from "../auth/context";
import type { DocJSON } from "../documents/json";
import { authorOfSuggestion } from "../documents/suggestion-ids";
import { type OpenSuggestion, openSuggestions } from "../documents/suggestions";
import { ForbiddenError, InvalidError } from "../shared/errors";
import { newId } from "../shared/ids";
import { loadModule } from "../workshop/module-access";
import { addComment } from "./service";

export const NOT_OPEN =
  "That suggestion is no longer open in the module: it was accepted, rejected or taken back. Reload the page to see where it stands.";

/** What a suggestion proposes, in the words the side panel uses, kept with its thread once it is decided. */
export function describeSuggestion(s: Pick<OpenSuggestion, "added" | "removed" | "blocks">): string {
  const parts = [
    s.added ? `adding “${s.added}”` : "",
    s.removed ? `removing “${s.removed}”` : "",
    !s.added && !s.removed && s.blocks > 0 ? (s.blocks === 1 ? "a block" : `${s.blocks} blocks`) : "",
  ].filter(Boolean);
  const said = parts.join(" and ") || "a change";
  return said.length > 500 ? `${said.slice(0, 499)}…` : said;
}

const threadOf = (ctx: Context, moduleId: string, suggestionId: string) =>
  ctx.db
    .select()
    .from(commentThreads)
    .where(and(eq(commentThreads.moduleId, moduleId), eq(commentThreads.suggestionId, suggestionId)))
    .get();

/**
 * Replies to a suggestion open in `current`, the document as it stands: the first reply starts the
 * suggestion's thread, keyed by its id. A comment like any other, so mentions, news of replies and
 * unread counts work the same.
 */
export function replyToSuggestion(
  ctx: Context,
  documents: { current(moduleId: string): DocJSON },
  moduleId: string,
  suggestionId: string,
  body: string,
) {
  loadModule(ctx, moduleId, "comment");
  const suggestion = openSuggestions(documents.current(moduleId)).find((s) => s.id === suggestionId);
  if (!suggestion) throw new InvalidError(NOT_OPEN);
  return inTransaction(ctx, (tx) => {
    const { module } = loadModule(tx, moduleId, "comment");
    let threadId = threadOf(tx, moduleId, suggestionId)?.id;
    if (!threadId) {
      threadId = newId();
      tx.db
        .insert(commentThreads)
        .values({
          id: threadId,
          moduleId,
          suggestionId,
          quote: describeSuggestion(suggestion),
          createdBy: tx.actor.userId,
          createdAt: tx.now,
        })
        .run();
    }
    addComment(tx, module, threadId, body);
    tx.events.emit({ type: "comments.changed", moduleId });
    return threadId;
  });
}

/**
 * Records what became of a suggestion with a thread, said by the editor that accepted or rejected it;
 * the thread stays, shown as settled with the outcome. Whoever may decide the suggestion may say so: a
 * facilitator, or the person who suggested it.
 */
export function settleSuggestionThread(
  ctx: Context,
  moduleId: string,
  suggestionId: string,
  outcome: "accepted" | "rejected",
) {
  inTransaction(ctx, (tx) => {
    const { access } = loadModule(tx, moduleId, "comment");
    if (!access.facilitate && authorOfSuggestion(suggestionId) !== tx.actor.userId) {
      throw new ForbiddenError("Only a facilitator or the person who suggested it can accept or reject a suggestion.");
    }
    const thread = threadOf(tx, moduleId, suggestionId);
    if (!thread || (thread.resolvedAt !== null && thread.suggestionOutcome === outcome)) return;
    tx.db
      .update(commentThreads)
      .set({ resolvedAt: tx.now, resolvedBy: tx.actor.userId, suggestionOutcome: outcome })
      .where(eq(commentThreads.id, thread.id))
      .run();
    tx.events.emit({ type: "comments.changed", moduleId });
  });
}
