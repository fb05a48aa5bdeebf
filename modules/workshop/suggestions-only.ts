import { and, eq } from "drizzle-orm";
import { modules } from "../../db/schema";
import { type Context, inTransaction } from "../auth/context";
import { loadModule } from "./module-access";

/**
 * A facilitator sets whether the module's co-designers change its text only as suggestions (ADR 31).
 * Open editors follow at once: the event has the collaboration server check their connections again.
 * Setting what is already set changes nothing and tells nothing.
 */
export function setSuggestionsOnly(ctx: Context, moduleId: string, suggestionsOnly: boolean) {
  inTransaction(ctx, (tx) => {
    const { module } = loadModule(tx, moduleId, "facilitate");
    if (module.suggestionsOnly === suggestionsOnly) return;
    tx.db
      .update(modules)
      .set({ suggestionsOnly, updatedAt: tx.now })
      .where(and(eq(modules.id, moduleId), eq(modules.orgId, tx.actor.orgId)))
      .run();
    tx.events.emit({ type: "module.suggestions_only_changed", moduleId });
  });
}
