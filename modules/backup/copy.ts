import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

/** A backup or restore that could not be made; the message says what to do. */
export class BackupError extends Error {}

/** SQLite's own check of a database file, opened read-only: "ok", or what is wrong. */
export function integrityOf(file: string): string {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch {
    return "not a database file";
  }
  try {
    return String(db.pragma("integrity_check", { simple: true }));
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    db.close();
  }
}

/** Whether a file holds an Alongside database: one its migrations have run on. */
function isAlongsideDatabase(file: string): boolean {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return Boolean(db.prepare("select 1 from sqlite_master where name = '__drizzle_migrations'").get());
  } catch {
    return false;
  } finally {
    db.close();
  }
}

/**
 * A consistent copy of the database while the server goes on working, through SQLite's online
 * backup API. The copy is written beside its destination and renamed into place only once it passes
 * its integrity check, so a backup is whole or it is not there.
 */
export async function backupDatabase(databasePath: string, destination: string) {
  if (!fs.existsSync(databasePath)) throw new BackupError(`There is no database at ${databasePath}.`);
  if (fs.existsSync(destination)) throw new BackupError(`${destination} already exists: choose another name.`);
  fs.mkdirSync(path.dirname(destination), { recursive: true });
  const partial = `${destination}.partial`;
  fs.rmSync(partial, { force: true });
  const source = new Database(databasePath, { fileMustExist: true });
  const started = Date.now();
  try {
    source.pragma("busy_timeout = 5000");
    // Everything left in one step: a copy made in small steps starts again whenever the server
    // writes in between, and under steady load it might never finish.
    await source.backup(partial, { progress: ({ remainingPages }) => Math.max(remainingPages, 1) });
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw new BackupError(`The backup could not be written: ${error instanceof Error ? error.message : error}`);
  } finally {
    source.close();
  }
  fs.chmodSync(partial, 0o600);
  const check = integrityOf(partial);
  if (check !== "ok") {
    fs.rmSync(partial, { force: true });
    throw new BackupError(`The copy failed SQLite's integrity check (${check}), so it was not kept.`);
  }
  fs.renameSync(partial, destination);
  return { destination, bytes: fs.statSync(destination).size, milliseconds: Date.now() - started };
}

/**
 * Puts a backup in the database's place, with the server stopped. The backup is checked first, and
 * the database it replaces is kept beside it, so a restore never loses what was there. Migrations
 * bring an older backup up to date when the server next starts.
 */
export function restoreDatabase(backup: string, databasePath: string, now = new Date()) {
  if (!fs.existsSync(backup)) throw new BackupError(`There is no backup at ${backup}.`);
  const check = integrityOf(backup);
  if (check !== "ok")
    throw new BackupError(`${backup} failed SQLite's integrity check (${check}): it cannot be restored.`);
  if (!isAlongsideDatabase(backup)) throw new BackupError(`${backup} is not an Alongside database.`);
  const wal = `${databasePath}-wal`;
  if (fs.existsSync(wal) && fs.statSync(wal).size > 0) {
    throw new BackupError(
      `The database at ${databasePath} is in use, or was not closed cleanly (${wal} holds changes). Stop the server first; if it is stopped, start and stop it once so those changes are kept, then restore.`,
    );
  }
  let keptAs: string | null = null;
  if (fs.existsSync(databasePath)) {
    keptAs = `${databasePath}.before-restore-${now.toISOString().replace(/[:.]/g, "-")}`;
    fs.renameSync(databasePath, keptAs);
  }
  for (const stale of [wal, `${databasePath}-shm`]) fs.rmSync(stale, { force: true });
  const partial = `${databasePath}.restoring`;
  fs.copyFileSync(backup, partial);
  fs.chmodSync(partial, 0o600);
  fs.renameSync(partial, databasePath);
  return { databasePath, keptAs };
}
