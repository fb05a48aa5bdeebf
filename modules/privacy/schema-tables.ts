import { getTableName, is } from "drizzle-orm";
import { getTableConfig, SQLiteTable } from "drizzle-orm/sqlite-core";
import * as schema from "../../db/schema";

/** Every table the drizzle schema declares, by its SQL name, with its column names. */
export function schemaTables(from: Record<string, unknown> = schema): { name: string; columns: string[] }[] {
  return Object.values(from)
    .filter((value): value is SQLiteTable => is(value, SQLiteTable))
    .map((table) => ({ name: getTableName(table), columns: getTableConfig(table).columns.map((c) => c.name) }));
}
