import type { DB } from "./client";

/**
 * Drizzle builds a query's SQL anew on every call, which costs more than running a small indexed
 * query. Queries on every page's path (the session, the person's membership, the learner's place)
 * are built once per connection as drizzle prepared queries with placeholders, and reused.
 */
export function prepared<Query>(build: (db: DB) => Query): (db: DB) => Query {
  const built = new WeakMap<DB, Query>();
  return (db) => {
    let query = built.get(db);
    if (query === undefined) {
      query = build(db);
      built.set(db, query);
    }
    return query;
  };
}
