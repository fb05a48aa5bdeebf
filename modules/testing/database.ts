import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type Connection, closeDatabase, openDatabase } from "../../db/client";

/** A real, migrated SQLite file in a fresh temporary folder: tests never mock the database. */
export function testDatabase(): { db: Connection; file: string; close: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "alongside-test-"));
  const file = path.join(dir, "test.sqlite");
  const db = openDatabase(file);
  return {
    db,
    file,
    close: () => {
      closeDatabase(db);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
