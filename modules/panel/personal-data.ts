import { eq } from "drizzle-orm";
import type { DB } from "../../db/client";
import { panelSignoffs } from "../../db/schema";

/** Their panel and safeguarding sign-offs stay as the module's review history, under the tombstone's name. */
export const panelSignoffRows = (db: DB, userId: string) =>
  db.select().from(panelSignoffs).where(eq(panelSignoffs.userId, userId)).all();
