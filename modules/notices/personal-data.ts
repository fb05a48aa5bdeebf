import { eq } from "drizzle-orm";
import type { DB } from "../../db/client";
import { notices } from "../../db/schema";

export const noticeRows = (db: DB, userId: string) => db.select().from(notices).where(eq(notices.userId, userId)).all();

export function eraseNotices(db: DB, userId: string) {
  db.delete(notices).where(eq(notices.userId, userId)).run();
}
