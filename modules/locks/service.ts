import { aliasedTable, and, desc, eq, isNull } from "drizzle-orm";
import { partLocks, users } from "../../db/schema";
import { type Context, inTransaction } from "../auth/context";
import type { LiveDocuments } from "../collaboration/server";
import { lockableParts } from "../documents/parts";
import { InvalidError } from "../shared/errors";
import { newId } from "../shared/ids";
import { loadModule } from "../workshop/module-access";

const locker = aliasedTable(users, "locker");
const unlocker = aliasedTable(users, "unlocker");

const openLock = (moduleId: string, nodeId: string) =>
  and(eq(partLocks.moduleId, moduleId), eq(partLocks.nodeId, nodeId), isNull(partLocks.unlockedAt));

/**
 * The parts locked now, with who locked them, when and why; the parts that could be locked; and
 * whether this person may lock and unlock them.
 */
export function moduleLocks(ctx: Context, documents: Pick<LiveDocuments, "current">, moduleId: string) {
  const { access } = loadModule(ctx, moduleId);
  const locks = ctx.db
    .select({
      nodeId: partLocks.nodeId,
      kind: partLocks.kind,
      label: partLocks.label,
      reason: partLocks.reason,
      lockedAt: partLocks.lockedAt,
      lockedBy: locker.name,
    })
    .from(partLocks)
    .leftJoin(locker, eq(locker.id, partLocks.lockedBy))
    .where(and(eq(partLocks.moduleId, moduleId), isNull(partLocks.unlockedAt)))
    .orderBy(partLocks.lockedAt)
    .all();
  const locked = new Set(locks.map((lock) => lock.nodeId));
  const open = lockableParts(documents.current(moduleId)).filter((part) => !locked.has(part.nodeId));
  return { locks, open, canLock: access.facilitate };
}

/** Every lock the module has had, newest first: who locked which part, when and why, and who unlocked it. */
export function lockHistory(ctx: Context, moduleId: string) {
  loadModule(ctx, moduleId);
  return ctx.db
    .select({
      id: partLocks.id,
      label: partLocks.label,
      reason: partLocks.reason,
      lockedAt: partLocks.lockedAt,
      lockedBy: locker.name,
      unlockedAt: partLocks.unlockedAt,
      unlockedBy: unlocker.name,
    })
    .from(partLocks)
    .leftJoin(locker, eq(locker.id, partLocks.lockedBy))
    .leftJoin(unlocker, eq(unlocker.id, partLocks.unlockedBy))
    .where(eq(partLocks.moduleId, moduleId))
    .orderBy(desc(partLocks.lockedAt))
    .all();
}

/**
 * A facilitator locks a section or a training block once it is agreed: from then on the server
 * refuses every change to it, whoever makes it, until it is unlocked. The part must be in the
 * document as it stands; open editors are told at once.
 */
export function lockPart(
  ctx: Context,
  documents: Pick<LiveDocuments, "current">,
  moduleId: string,
  input: { nodeId: string; reason: string },
) {
  loadModule(ctx, moduleId, "facilitate");
  const part = lockableParts(documents.current(moduleId)).find((p) => p.nodeId === input.nodeId);
  if (!part) throw new InvalidError("That part is no longer in the module. Reload the page and choose again.");
  return inTransaction(ctx, (tx) => {
    loadModule(tx, moduleId, "facilitate");
    if (tx.db.select({ id: partLocks.id }).from(partLocks).where(openLock(moduleId, part.nodeId)).get()) {
      throw new InvalidError(`${part.label} is already locked.`);
    }
    const id = newId();
    tx.db
      .insert(partLocks)
      .values({
        id,
        moduleId,
        nodeId: part.nodeId,
        kind: part.kind,
        label: part.label,
        reason: input.reason || null,
        lockedBy: tx.actor.userId,
        lockedAt: tx.now,
      })
      .run();
    tx.events.emit({ type: "locks.changed", moduleId });
    return { id, label: part.label };
  });
}

/** A facilitator unlocks a part, so it can be changed again; the lock stays in the module's history. */
export function unlockPart(ctx: Context, moduleId: string, input: { nodeId: string }) {
  return inTransaction(ctx, (tx) => {
    loadModule(tx, moduleId, "facilitate");
    const lock = tx.db
      .select({ id: partLocks.id, label: partLocks.label })
      .from(partLocks)
      .where(openLock(moduleId, input.nodeId))
      .get();
    if (!lock) throw new InvalidError("That part is not locked.");
    tx.db
      .update(partLocks)
      .set({ unlockedBy: tx.actor.userId, unlockedAt: tx.now })
      .where(eq(partLocks.id, lock.id))
      .run();
    tx.events.emit({ type: "locks.changed", moduleId });
    return lock;
  });
}
