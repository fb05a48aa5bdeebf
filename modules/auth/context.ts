import type { DB } from "../../db/client";
import { type Events, noEvents, pendingEvents } from "../events/bus";
import type { Actor } from "./policy";

/**
 * What every domain entry point receives: the database, who is asking (with their organisation and
 * roles, read from the server-side session), the time the request is made at, so a command and
 * everything it derives share one clock, and where to tell what happened.
 */
export type Context = { db: DB; actor: Actor; now: Date; events: Events };

export function contextFor(db: DB, actor: Actor, now = new Date(), events: Events = noEvents): Context {
  return { db, actor, now, events };
}

/**
 * Runs a command in one transaction. What it emits is held back and told only after the commit, so
 * a subscriber never acts on a change that was rolled back.
 */
export function inTransaction<T>(ctx: Context, command: (tx: Context) => T): T {
  const pending = pendingEvents();
  const result = ctx.db.transaction((db) => command({ ...ctx, db, events: pending }));
  pending.flushTo(ctx.events);
  return result;
}
