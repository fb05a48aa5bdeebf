import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { type BetterSQLite3Database, drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import type { BaseSQLiteDatabase } from "drizzle-orm/sqlite-core";
import * as schema from "./schema";
import { cacheStatements } from "./statement-cache";

/** What module code works with: the database or a transaction on it. */
export type DB = BaseSQLiteDatabase<"sync", Database.RunResult, typeof schema>;
/** The open connection, owned by the composition root. */
export type Connection = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");

export class DatabasePathError extends Error {}

/** Fails early, with one clear sentence, when the database folder cannot be created or written. */
function assertWritableFolder(databasePath: string) {
  const folder = path.dirname(path.resolve(databasePath));
  // Writing a file is the only true test: access(W_OK) says yes to root even where nothing can be
  // written (a read-only file system, /sys).
  const probe = path.join(folder, `.alongside-write-check-${process.pid}`);
  try {
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(probe, "", { mode: 0o600 });
    fs.rmSync(probe);
  } catch {
    throw new DatabasePathError(`cannot write to the database folder ${folder}`);
  }
  if (fs.existsSync(databasePath)) {
    try {
      fs.accessSync(databasePath, fs.constants.R_OK | fs.constants.W_OK);
    } catch {
      throw new DatabasePathError(`cannot read and write the database file ${path.resolve(databasePath)}`);
    }
  }
}

/**
 * The database holds reflections (health data): it and the WAL and shared-memory files beside it are
 * for the server's user alone. SQLite gives those two files the main file's mode, so a main file
 * created 0600 is enough for a new database; files from before this rule are tightened here.
 */
function keepPrivate(databasePath: string) {
  const file = path.resolve(databasePath);
  try {
    fs.writeFileSync(file, "", { mode: 0o600, flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") {
      throw new DatabasePathError(`cannot create the database file ${file}`);
    }
  }
  for (const f of [file, `${file}-wal`, `${file}-shm`]) {
    try {
      fs.chmodSync(f, 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") continue;
      throw new DatabasePathError(`cannot make ${f} readable by this user only (chmod 600)`);
    }
  }
}

/**
 * Opens SQLite the way the whole app relies on: WAL so readers never block the collaboration writer,
 * synchronous=NORMAL so an appended update is durable against a process crash without an fsync per
 * keystroke, foreign keys on, and a busy timeout for the odd second writer (CLI imports, benchmarks).
 * Prepared statements are reused (db/statement-cache.ts).
 */
export function openDatabase(databasePath: string, options: { migrate?: boolean } = {}): Connection {
  assertWritableFolder(databasePath);
  keepPrivate(databasePath);
  const sqlite = new Database(databasePath);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  cacheStatements(sqlite);
  const db = beginImmediately(drizzle(sqlite, { schema }) as Connection);
  if (options.migrate !== false) migrate(db, { migrationsFolder });
  return db;
}

/**
 * Every transaction takes the write lock as it begins (BEGIN IMMEDIATE). Begun deferred, a command
 * that reads and then writes fails with SQLITE_BUSY_SNAPSHOT whenever another connection (a CLI
 * import, a backup, a second worker) wrote in between, and the busy timeout cannot help it. Set here,
 * once, so no command can forget it.
 *
 * The command is handed the connection itself rather than a drizzle transaction object: SQLite's
 * transaction belongs to the connection, so every query on it runs inside, and drizzle builds its
 * relational query builders for every table of the schema with each transaction object, which cost
 * more than a learner's whole step writes. better-sqlite3 turns a transaction begun inside another
 * into a savepoint, so nesting keeps its meaning: an inner one that throws undoes only its own writes.
 * A command rolls back by throwing; drizzle's `tx.rollback()` is not there to call.
 */
function beginImmediately(db: Connection): Connection {
  const immediately = db.$client.transaction((command: (tx: Connection) => unknown) => command(db)).immediate;
  db.transaction = ((command: (tx: Connection) => unknown) =>
    immediately(command)) as unknown as Connection["transaction"];
  return db;
}

export function closeDatabase(db: Connection) {
  // Folds the WAL back into the main file so a copied database file is complete.
  db.$client.pragma("wal_checkpoint(TRUNCATE)");
  db.$client.close();
}

export { schema };
