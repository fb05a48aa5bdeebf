import { eq } from "drizzle-orm";
import type { DB } from "../../db/client";
import { personalIntroductions } from "../../db/schema";

export type Introduction = { pronouns: string; livedExperience: string };

const NONE: Introduction = { pronouns: "", livedExperience: "" };

/** A person's introduction as they wrote it, or empty when they have written none. */
export function introductionOf(db: DB, userId: string): Introduction {
  return (
    db
      .select({ pronouns: personalIntroductions.pronouns, livedExperience: personalIntroductions.livedExperience })
      .from(personalIntroductions)
      .where(eq(personalIntroductions.userId, userId))
      .get() ?? NONE
  );
}

/** Only ever called for the person signed in: nobody writes another person's introduction. */
export function saveIntroduction(db: DB, userId: string, introduction: Introduction, now: Date) {
  db.insert(personalIntroductions)
    .values({ userId, ...introduction, updatedAt: now })
    .onConflictDoUpdate({ target: personalIntroductions.userId, set: { ...introduction, updatedAt: now } })
    .run();
}
