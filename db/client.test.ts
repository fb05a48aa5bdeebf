import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { testDatabase } from "../modules/testing/database";
import { closeDatabase, openDatabase } from "./client";

const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

describe("the database connection", () => {
  it("runs in WAL with foreign keys, a busy timeout and synchronous=NORMAL, fully migrated", () => {
    const t = testDatabase();
    try {
      const pragma = (name: string) => t.db.$client.pragma(name, { simple: true });
      expect(pragma("journal_mode")).toBe("wal");
      expect(pragma("foreign_keys")).toBe(1);
      expect(pragma("synchronous")).toBe(1);
      expect(pragma("busy_timeout")).toBe(5000);
      expect(pragma("integrity_check")).toBe("ok");
      const tables = t.db.$client
        .prepare("select name from sqlite_master where type = 'table'")
        .all()
        .map((r) => (r as { name: string }).name);
      for (const table of [
        "users",
        "sessions",
        "modules",
        "module_versions",
        "progress_events",
        "cohorts",
        "reflections",
      ]) {
        expect(tables).toContain(table);
      }
    } finally {
      t.close();
    }
  });

  it("keeps the database and its WAL and shared-memory files readable by the server's user only", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "alongside-mode-"));
    const file = path.join(dir, "fresh.sqlite");
    // A permissive umask, as many hosts have: the files must still come out private.
    const umask = process.umask(0o022);
    try {
      const db = openDatabase(file);
      db.$client.prepare("create table t (x)").run();
      for (const f of [file, `${file}-wal`, `${file}-shm`]) expect(modeOf(f), f).toBe(0o600);
      closeDatabase(db);

      // A database made before this rule, world-readable, is made private when it is opened.
      for (const f of [file, `${file}-wal`, `${file}-shm`]) if (fs.existsSync(f)) fs.chmodSync(f, 0o644);
      fs.writeFileSync(`${file}-wal`, "");
      fs.chmodSync(`${file}-wal`, 0o644);
      const again = openDatabase(file);
      for (const f of [file, `${file}-wal`, `${file}-shm`]) expect(modeOf(f), f).toBe(0o600);
      closeDatabase(again);
    } finally {
      process.umask(umask);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
