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
 * What an entry point receives when the person does not act inside an organisation yet: someone
 * holding an invitation link, signed in (perhaps belonging to no organisation) or not signed in at
 * all (`userId` null). Only a secret they hold, never a role, can let them in.
 */
export type Visit = { db: DB; userId: string | null; now: Date; events: Events };

export function visitFor(db: DB, userId: string | null, now = new Date(), events: Events = noEvents): Visit {
  return { db, userId, now, events };
}

/**
 * Runs a command in one transaction. What it emits is held back and told only after the commit, so
 * a subscriber never acts on a change that was rolled back.
 */
export function inTransaction<C extends { db: DB; events: Events }, T>(ctx: C, command: (tx: C) => T): T {
  const pending = pendingEvents();
  const result = ctx.db.transaction((db) => command({ ...ctx, db, events: pending }));
  pending.flushTo(ctx.events);
  return result;
}
