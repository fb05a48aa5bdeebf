import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { testDatabase } from "../modules/testing/database";
import { openDatabase } from "./client";

/**
 * Two processes share the database file: the server and a CLI import, a backup or a second worker.
 * A transaction that reads before it writes must take the write lock when it begins; begun deferred,
 * its first write fails with SQLITE_BUSY_SNAPSHOT whenever the other connection wrote in between, and
 * no busy timeout can save it.
 */
describe("transactions on a database another connection also writes", () => {
  it("take the write lock as they begin, so a read then a write never fails on a stale snapshot", () => {
    const t = testDatabase();
    const other = openDatabase(t.file, { migrate: false });
    other.$client.pragma("busy_timeout = 50");
    try {
      t.db.run(sql`create table counter (n integer not null)`);
      t.db.run(sql`insert into counter values (0)`);
      let otherWrote: boolean | string = false;
      t.db.transaction((tx) => {
        const before = tx.get<{ n: number }>(sql`select n from counter`);
        try {
          other.run(sql`update counter set n = n + 10`);
          otherWrote = true;
        } catch (error) {
          // drizzle wraps the driver's error; its cause carries SQLite's code.
          const { code, cause } = error as { code?: string; cause?: { code?: string } };
          otherWrote = cause?.code ?? code ?? "error";
        }
        tx.run(sql`update counter set n = ${(before?.n ?? 0) + 1}`);
      });
      // The other connection waited for the lock rather than slipping a write under our read.
      expect(otherWrote).toBe("SQLITE_BUSY");
      expect(t.db.get<{ n: number }>(sql`select n from counter`)?.n).toBe(1);
      other.run(sql`update counter set n = n + 10`);
      expect(t.db.get<{ n: number }>(sql`select n from counter`)?.n).toBe(11);
    } finally {
      other.$client.close();
      t.close();
    }
  });
});

describe("transactions", () => {
  function counter() {
    const t = testDatabase();
    t.db.run(sql`create table counter (n integer not null)`);
    t.db.run(sql`insert into counter values (0)`);
    const n = () => t.db.get<{ n: number }>(sql`select n from counter`)?.n;
    return { ...t, n };
  }

  it("leave nothing written when the command throws, and hand back what it returns when it does not", () => {
    const t = counter();
    try {
      expect(() =>
        t.db.transaction((tx) => {
          tx.run(sql`update counter set n = 5`);
          throw new Error("refused");
        }),
      ).toThrow("refused");
      expect(t.n()).toBe(0);
      const returned = t.db.transaction((tx) => {
        tx.run(sql`update counter set n = 7`);
        return tx.get<{ n: number }>(sql`select n from counter`)?.n;
      });
      expect(returned).toBe(7);
      expect(t.n()).toBe(7);
    } finally {
      t.close();
    }
  });

  it("nest: an inner one that throws undoes only its own writes, and the outer one keeps the rest", () => {
    const t = counter();
    try {
      t.db.transaction((outer) => {
        outer.run(sql`update counter set n = n + 1`);
        expect(() =>
          outer.transaction((inner) => {
            inner.run(sql`update counter set n = n + 100`);
            throw new Error("inner refused");
          }),
        ).toThrow("inner refused");
        outer.transaction((inner) => inner.run(sql`update counter set n = n + 10`));
      });
      expect(t.n()).toBe(11);
      expect(t.db.$client.inTransaction).toBe(false);
    } finally {
      t.close();
    }
  });
});
