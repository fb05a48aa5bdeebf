import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { cacheStatements } from "./statement-cache";

function memory(limit?: number) {
  const sqlite = new Database(":memory:");
  const cache = cacheStatements(sqlite, limit);
  sqlite.exec("create table t (id integer primary key, name text)");
  sqlite.prepare("insert into t (name) values (?)").run("a");
  sqlite.prepare("insert into t (name) values (?)").run("b");
  return { sqlite, cache };
}

describe("the statement cache", () => {
  it("hands back the same statement for the same SQL", () => {
    const { sqlite } = memory();
    const first = sqlite.prepare("select name from t order by id");
    expect(sqlite.prepare("select name from t order by id")).toBe(first);
    expect(sqlite.prepare("select id from t")).not.toBe(first);
  });

  it("gives objects again after someone read raw rows with the same statement", () => {
    const { sqlite } = memory();
    expect(sqlite.prepare("select id, name from t order by id").raw().all()).toEqual([
      [1, "a"],
      [2, "b"],
    ]);
    expect(sqlite.prepare("select id, name from t order by id").all()).toEqual([
      { id: 1, name: "a" },
      { id: 2, name: "b" },
    ]);
  });

  it("keeps at most its limit, dropping the least recently used", () => {
    const { sqlite, cache } = memory(2);
    const one = sqlite.prepare("select 1");
    const two = sqlite.prepare("select 2");
    sqlite.prepare("select 1"); // used again: now the most recent
    sqlite.prepare("select 3"); // drops "select 2"
    expect(cache.size()).toBe(2);
    expect(sqlite.prepare("select 1")).toBe(one);
    expect(sqlite.prepare("select 3").get()).toEqual({ 3: 3 });
    expect(sqlite.prepare("select 2")).not.toBe(two);
  });

  it("leaves pragmas and transactions working", () => {
    const { sqlite } = memory();
    const insertTwice = sqlite.transaction((name: string) => {
      sqlite.prepare("insert into t (name) values (?)").run(name);
      sqlite.prepare("insert into t (name) values (?)").run(name);
    });
    insertTwice("c");
    expect(sqlite.prepare("select count(*) as n from t").get()).toEqual({ n: 4 });
    expect(sqlite.pragma("user_version", { simple: true })).toBe(0);
  });
});
