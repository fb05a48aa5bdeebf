import { sqliteTable, text } from "drizzle-orm/sqlite-core";
import { describe, expect, it } from "vitest";
import * as schema from "../../db/schema";
import { tableWriters } from "../testing/house";
import { REGISTRY, registryGaps } from "./registry";
import { schemaTables } from "./schema-tables";

describe("the registry of personal data", () => {
  const tables = schemaTables();

  it("lists every table of the schema, and no table the schema lacks", () => {
    expect(tables.length).toBeGreaterThan(40);
    expect(registryGaps(tables.map((t) => t.name))).toEqual({ unlisted: [], unknown: [] });
  });

  it("catches a table nobody declared", () => {
    const notes = sqliteTable("wellbeing_notes", { userId: text("user_id"), body: text("body") });
    const names = schemaTables({ ...schema, notes }).map((t) => t.name);
    expect(registryGaps(names).unlisted).toEqual(["wellbeing_notes"]);
  });

  it("catches an entry whose table is gone", () => {
    const names = tables.map((t) => t.name).filter((t) => t !== "notices");
    expect(registryGaps(names).unknown).toEqual(["notices"]);
  });

  it("names, for each table holding personal data, columns the table has, an owner and what erasure does", () => {
    const columns = new Map(tables.map((t) => [t.name, t.columns]));
    for (const entry of REGISTRY) {
      if (entry.holds === "none") {
        expect(entry.why.length, entry.table).toBeGreaterThan(10);
        continue;
      }
      expect(entry.person.length, entry.table).toBeGreaterThan(0);
      for (const column of entry.person) expect(columns.get(entry.table), entry.table).toContain(column);
      expect(entry.owner, entry.table).toMatch(/^[a-z-]+$/);
      expect(entry.how.length, entry.table).toBeGreaterThan(5);
    }
  });

  it("lists each table once", () => {
    const names = REGISTRY.map((e) => e.table);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe("the owners the registry names", () => {
  it("are the features that write each table", () => {
    const variableOf = new Map(
      Object.entries(schema)
        .filter(([, value]) => schemaTables({ value }).length === 1)
        .map(([variable, value]) => [schemaTables({ value })[0]?.name ?? "", variable]),
    );
    const writers = tableWriters();
    for (const entry of REGISTRY) {
      if (entry.holds === "none") continue;
      const written = writers.get(variableOf.get(entry.table) ?? "");
      if (written) expect([...written], entry.table).toEqual([entry.owner]);
    }
  });
});
