import { and, asc, eq, gt } from "drizzle-orm";
import type { DB } from "../../db/client";
import { moduleDocUpdates } from "../../db/schema";
import { Authorship } from "./measure";

/**
 * The update log only grows, so who wrote what is kept in memory per module and brought up to date
 * by reading just the updates stored since: a derived cache that writes nothing. Bounded, least
 * recently used out first.
 */
const MAX_MODULES = 100;
const cache = new Map<string, { through: number; authorship: Authorship }>();

export function authorshipOf(db: DB, moduleId: string): Authorship {
  let entry = cache.get(moduleId);
  if (entry) cache.delete(moduleId);
  else {
    entry = { through: 0, authorship: new Authorship() };
    if (cache.size >= MAX_MODULES) cache.delete(cache.keys().next().value as string);
  }
  const rows = db
    .select({ id: moduleDocUpdates.id, userId: moduleDocUpdates.userId, update: moduleDocUpdates.update })
    .from(moduleDocUpdates)
    .where(and(eq(moduleDocUpdates.moduleId, moduleId), gt(moduleDocUpdates.id, entry.through)))
    .orderBy(asc(moduleDocUpdates.id))
    .all();
  // Should an update fail to decode, nothing half-read is kept: the next call starts afresh.
  entry.authorship.read(rows);
  entry.through = rows.at(-1)?.id ?? entry.through;
  cache.set(moduleId, entry);
  return entry.authorship;
}
