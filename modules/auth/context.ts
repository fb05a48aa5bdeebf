import type { DB } from "../../db/client";
import type { Actor } from "./policy";

/**
 * What every domain entry point receives: the database, who is asking (with their organisation and
 * roles, read from the server-side session), and the time the request is made at, so a command and
 * everything it derives share one clock.
 */
export type Context = { db: DB; actor: Actor; now: Date };

export function contextFor(db: DB, actor: Actor, now = new Date()): Context {
  return { db, actor, now };
}
