import { eq } from "drizzle-orm";
import type { DB } from "../../db/client";
import { moduleTemplates } from "../../db/schema";

/** Modules the person offered their organisation as templates. */
export const templateRows = (db: DB, userId: string) =>
  db.select().from(moduleTemplates).where(eq(moduleTemplates.markedBy, userId)).all();
