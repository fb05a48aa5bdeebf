import { eq } from "drizzle-orm";
import { openDatabase } from "../../db/client";
import { sessions, users } from "../../db/schema";
import { sharedServer } from "./shared-server";

/** The ids of a person's sessions in the shared server's database: what a forged form would carry. */
export function sessionIdsOf(email: string): string[] {
  const db = openDatabase(sharedServer.databasePath, { migrate: false });
  try {
    return db
      .select({ id: sessions.id })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(eq(users.email, email))
      .all()
      .map((s) => s.id);
  } finally {
    // Not closeDatabase(): checkpointing is the running server's business, not this second connection's.
    db.$client.close();
  }
}
