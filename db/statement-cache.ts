import type Database from "better-sqlite3";

/**
 * Drizzle prepares a fresh SQLite statement for every query it runs, and preparing costs more than
 * running most of this app's queries. This keeps the most recently used statements by their SQL text
 * and hands the same one back. Safe because every query here runs to completion synchronously (no
 * `iterate()`), so one statement is never in use twice at once.
 */
export function cacheStatements(sqlite: Database.Database, limit = 500) {
  const prepare = sqlite.prepare.bind(sqlite);
  const cache = new Map<string, Database.Statement>();
  const cached = (source: string) => {
    let statement = cache.get(source);
    if (statement) {
      // Most recently used goes last, so the first key is always the one to drop.
      cache.delete(source);
      // Drizzle switches a statement to raw rows for some reads; the next caller expects objects.
      if (statement.reader) statement.raw(false);
    } else {
      statement = prepare(source);
      if (cache.size >= limit) cache.delete(cache.keys().next().value as string);
    }
    cache.set(source, statement);
    return statement;
  };
  sqlite.prepare = cached as typeof sqlite.prepare;
  return { size: () => cache.size };
}
