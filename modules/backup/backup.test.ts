import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { closeDatabase, openDatabase } from "../../db/client";
import { BackupError, backupDatabase, integrityOf, restoreDatabase } from "./copy";

const folders: string[] = [];
const writers: ChildProcess[] = [];
afterEach(() => {
  for (const w of writers.splice(0)) w.kill("SIGKILL");
  for (const f of folders.splice(0)) fs.rmSync(f, { recursive: true, force: true });
});

function folder() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "alongside-backup-"));
  folders.push(dir);
  return dir;
}

/** A migrated database file with a table of numbered rows, closed again. */
function databaseIn(dir: string) {
  const file = path.join(dir, "alongside.sqlite");
  const db = openDatabase(file);
  db.$client.exec("create table tally (n integer primary key, at integer not null)");
  closeDatabase(db);
  return file;
}

/** Another process writing to the database as fast as it can, as a busy server would. */
function busyWriter(file: string) {
  const script = `
    const Database = require("better-sqlite3");
    const db = new Database(${JSON.stringify(file)});
    db.pragma("journal_mode = WAL");
    db.pragma("busy_timeout = 5000");
    const insert = db.prepare("insert into tally (at) values (?)");
    process.stdout.write("ready\\n");
    for (;;) insert.run(Date.now());
  `;
  const child = spawn(process.execPath, ["-e", script], { cwd: process.cwd(), stdio: ["ignore", "pipe", "inherit"] });
  writers.push(child);
  return new Promise<void>((resolve) => child.stdout?.once("data", () => resolve()));
}

const count = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare("select count(*) as n from tally").get() as { n: number }).n;
  } finally {
    db.close();
  }
};

describe("an online backup", () => {
  it("is a consistent copy while another process keeps writing, and restores to a database that opens", async () => {
    const dir = folder();
    const file = databaseIn(dir);
    await busyWriter(file);
    await new Promise((r) => setTimeout(r, 200));
    const before = count(file);
    const made = await backupDatabase(file, path.join(dir, "backups", "one.sqlite"));
    const after = count(file);

    expect(integrityOf(made.destination)).toBe("ok");
    const copied = count(made.destination);
    expect(copied).toBeGreaterThanOrEqual(before);
    expect(copied).toBeLessThanOrEqual(after);
    // Rows are numbered 1..n with no gap: the copy is one moment of the database, not a mixture.
    const db = new Database(made.destination, { readonly: true });
    expect(db.prepare("select max(n) as n from tally").get()).toEqual({ n: copied });
    db.close();
    expect(fs.statSync(made.destination).mode & 0o777).toBe(0o600);
    expect(fs.existsSync(`${made.destination}.partial`)).toBe(false);

    for (const w of writers.splice(0)) w.kill("SIGKILL");
    const target = path.join(folder(), "restored.sqlite");
    restoreDatabase(made.destination, target);
    const restored = openDatabase(target);
    expect(restored.$client.pragma("integrity_check", { simple: true })).toBe("ok");
    expect((restored.$client.prepare("select count(*) as n from tally").get() as { n: number }).n).toBe(copied);
    closeDatabase(restored);
  });

  it("never writes over an earlier backup, and leaves nothing behind when the database is missing", async () => {
    const dir = folder();
    const file = databaseIn(dir);
    const destination = path.join(dir, "kept.sqlite");
    await backupDatabase(file, destination);
    await expect(backupDatabase(file, destination)).rejects.toThrow(BackupError);
    await expect(backupDatabase(path.join(dir, "missing.sqlite"), path.join(dir, "x.sqlite"))).rejects.toThrow(
      /There is no database/,
    );
    expect(fs.existsSync(path.join(dir, "x.sqlite"))).toBe(false);
  });
});

describe("a restore", () => {
  it("keeps the database it replaces beside it", async () => {
    const dir = folder();
    const file = databaseIn(dir);
    const backup = path.join(dir, "backup.sqlite");
    await backupDatabase(file, backup);
    const current = new Database(file);
    current.prepare("insert into tally (at) values (1)").run();
    current.close();

    const done = restoreDatabase(backup, file);
    expect(done.keptAs).not.toBeNull();
    expect(count(done.keptAs ?? "")).toBe(1);
    expect(count(file)).toBe(0);
  });

  it("refuses a damaged file, a file that is not an Alongside database, and a database still in use", async () => {
    const dir = folder();
    const file = databaseIn(dir);
    const damaged = path.join(dir, "damaged.sqlite");
    fs.writeFileSync(damaged, "not a database at all");
    expect(() => restoreDatabase(damaged, file)).toThrow(/integrity check/);

    const stranger = path.join(dir, "stranger.sqlite");
    new Database(stranger).exec("create table t (x)");
    expect(() => restoreDatabase(stranger, file)).toThrow(/not an Alongside database/);

    const backup = path.join(dir, "good.sqlite");
    await backupDatabase(file, backup);
    const open = new Database(file);
    open.pragma("journal_mode = WAL");
    open.pragma("wal_autocheckpoint = 0");
    open.prepare("insert into tally (at) values (2)").run();
    expect(() => restoreDatabase(backup, file)).toThrow(/Stop the server first/);
    open.close();
    // Nothing was touched by the refusals: the database keeps the row written before them.
    expect(count(file)).toBe(1);
  });
});
