import { describe, expect, it } from "vitest";
import { testDatabase } from "../modules/testing/database";

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
});
