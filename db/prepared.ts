import { sql } from "drizzle-orm";
import type { DB } from "./client";

/**
 * Drizzle builds a query's SQL anew on every call, which costs more than running a small indexed
 * query. Queries on every page's path (the session, the person's membership, the learner's place)
 * are built once per connection as drizzle prepared queries with placeholders, and reused.
 *
 * Each transaction is a new drizzle object over the connection's one session, so the queries are
 * kept by that session: a query built once serves the connection and every transaction on it, and
 * runs inside whichever transaction is open, since SQLite's transaction belongs to the connection.
 */
export function prepared<Query>(build: (db: DB) => Query): (db: DB) => Query {
  const built = new WeakMap<object, Query>();
  return (db) => {
    const session = sessionOf(db);
    let query = built.get(session);
    if (query === undefined) {
      query = build(db);
      built.set(session, query);
    }
    return query;
  };
}

/** Drizzle's session for a database or transaction: not in its public types, but on every one. */
function sessionOf(db: DB): object {
  const { session } = db as unknown as { session?: object };
  if (!session) throw new Error("a drizzle database without a session");
  return session;
}

/**
 * A placeholder for a value an update sets. Drizzle encodes it through the column, as any other
 * value (a date, JSON), but its types list placeholders only for inserts and conditions.
 */
export function settable<Value>(name: string): Value {
  return sql.placeholder(name) as unknown as Value;
}
