import { integer, text } from "drizzle-orm/sqlite-core";

/** Public ids are random strings (see modules/shared/ids.ts); they never reveal counts. */
export const id = () => text("id").primaryKey();

/** Milliseconds since the epoch, surfaced as Date. */
export const timestamp = (name: string) => integer(name, { mode: "timestamp_ms" });
