import { and, eq, inArray } from "drizzle-orm";
import type { DB } from "../../db/client";
import { storyWithdrawals, users } from "../../db/schema";
import type { Part } from "./player";

/** A story as a page shows it: the storyteller's name when they chose to be named, or nothing of it once withdrawn. */
export type ShownStory = { kind: "story"; id: string; html: string; creditName: string | null; withdrawn: boolean };
export type ShownPart = Exclude<Part, { kind: "story" }> | ShownStory;

/**
 * Resolves the stories among a section's parts as they are to be shown now. The withdrawals are
 * read on every view, so a story withdrawn since the version was published (or since its parts were
 * cached) shows as withdrawn, with none of its words.
 */
export function storiesShown(db: DB, moduleId: string, parts: readonly Part[]): ShownPart[] {
  const stories = parts.filter((p): p is Extract<Part, { kind: "story" }> => p.kind === "story");
  if (stories.length === 0) return parts as ShownPart[];
  const withdrawn = new Set(
    db
      .select({ storyId: storyWithdrawals.storyId })
      .from(storyWithdrawals)
      .where(
        and(
          eq(storyWithdrawals.moduleId, moduleId),
          inArray(
            storyWithdrawals.storyId,
            stories.map((s) => s.id),
          ),
        ),
      )
      .all()
      .map((r) => r.storyId),
  );
  const named = stories.filter((s) => s.credit === "named" && s.storytellerId).map((s) => s.storytellerId);
  const names = new Map(
    named.length === 0
      ? []
      : db
          .select({ id: users.id, name: users.name })
          .from(users)
          .where(inArray(users.id, named))
          .all()
          .map((u) => [u.id, u.name]),
  );
  return parts.map((p): ShownPart => {
    if (p.kind !== "story") return p;
    if (p.withdrawn || withdrawn.has(p.id))
      return { kind: "story", id: p.id, html: "", creditName: null, withdrawn: true };
    const creditName = p.credit === "named" ? (names.get(p.storytellerId) ?? null) : null;
    return { kind: "story", id: p.id, html: p.html, creditName, withdrawn: false };
  });
}
