import { eq } from "drizzle-orm";
import type { DB } from "../../db/client";
import { supportChoices } from "../../db/schema";

/** Only ever read for the person themself: where they are and the groups they chose say a lot about them. */
export const supportChoiceRows = (db: DB, userId: string) =>
  db.select().from(supportChoices).where(eq(supportChoices.userId, userId)).all();

export function eraseSupportChoice(db: DB, userId: string) {
  db.delete(supportChoices).where(eq(supportChoices.userId, userId)).run();
}
