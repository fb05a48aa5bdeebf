import { eq } from "drizzle-orm";
import type { DB } from "../../db/client";
import { signoffs } from "../../db/schema";

/** Their sign-offs stay as the module's review history, under the tombstone's name. */
export const signoffRows = (db: DB, userId: string) =>
  db.select().from(signoffs).where(eq(signoffs.userId, userId)).all();
