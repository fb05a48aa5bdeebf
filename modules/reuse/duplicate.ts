import { type Context, inTransaction } from "../auth/context";
import { authorize } from "../auth/policy";
import { loadModule } from "../workshop/module-access";
import { copyModule, copyTitle } from "./copy";

/**
 * "Duplicate": a facilitator who can open a module makes a new draft from it, to take in another
 * direction without touching the original or its conversations.
 */
export function duplicateModule(ctx: Context, moduleId: string) {
  return inTransaction(ctx, (tx) => {
    const { module } = loadModule(tx, moduleId);
    authorize(tx.actor, "module.create", module);
    return copyModule(tx.db, module, { createdBy: tx.actor.userId, title: copyTitle(module.title) }, tx.now);
  });
}
