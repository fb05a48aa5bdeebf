import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { type Connection, closeDatabase, openDatabase } from "./client";
import { prepared, settable } from "./prepared";
import { organisations } from "./schema";

let db: Connection | null = null;
afterEach(() => {
  if (db) closeDatabase(db);
  db = null;
});

function fresh() {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "alongside-prepared-"));
  db = openDatabase(path.join(folder, "test.sqlite"));
  return db;
}

function countingQuery() {
  let builds = 0;
  const query = prepared((d) => {
    builds++;
    return d
      .select({ name: organisations.name })
      .from(organisations)
      .where(eq(organisations.id, sql.placeholder("id")))
      .prepare();
  });
  return { query, builds: () => builds };
}

const org = (id: string) => ({ id, name: `Org ${id}`, slug: `org-${id}`, createdAt: new Date() });

describe("prepared queries", () => {
  it("are built once per connection, and inside its transactions too, not once per transaction", () => {
    const database = fresh();
    const { query, builds } = countingQuery();
    database.insert(organisations).values(org("a")).run();
    expect(query(database).get({ id: "a" })).toEqual({ name: "Org a" });
    for (let i = 0; i < 3; i++) database.transaction((tx) => query(tx).get({ id: "a" }));
    database.transaction((tx) => tx.transaction((nested) => query(nested).get({ id: "a" })));
    expect(builds()).toBe(1);
  });

  it("read a transaction's own uncommitted writes, and nothing once it rolls back", () => {
    const database = fresh();
    const { query } = countingQuery();
    expect(query(database).get({ id: "b" })).toBeUndefined();
    expect(() =>
      database.transaction((tx) => {
        tx.insert(organisations).values(org("b")).run();
        expect(query(tx).get({ id: "b" })).toEqual({ name: "Org b" });
        throw new Error("roll back");
      }),
    ).toThrow("roll back");
    expect(query(database).get({ id: "b" })).toBeUndefined();
  });

  it("are built again for another connection", () => {
    const { query, builds } = countingQuery();
    const first = fresh();
    query(first);
    closeDatabase(first);
    db = null;
    query(fresh());
    expect(builds()).toBe(2);
  });
});

describe("a placeholder an update sets", () => {
  it("is encoded through its column, as the value itself would be", () => {
    const database = fresh();
    database.insert(organisations).values(org("c")).run();
    const update = prepared((d) =>
      d
        .update(organisations)
        .set({ createdAt: settable<Date>("at"), graphicDetailWords: settable<string[]>("words") })
        .where(eq(organisations.id, sql.placeholder("id")))
        .prepare(),
    );
    const at = new Date("2026-03-04T05:06:07Z");
    update(database).run({ id: "c", at, words: ["one", "two"] });
    const row = database.select().from(organisations).where(eq(organisations.id, "c")).get();
    expect(row?.createdAt).toEqual(at);
    expect(row?.graphicDetailWords).toEqual(["one", "two"]);
    const raw = database.$client.prepare("select graphic_detail_words as w from organisations where id = 'c'").get();
    expect(raw).toEqual({ w: JSON.stringify(["one", "two"]) });
  });
});
