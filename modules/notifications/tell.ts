import { inArray } from "drizzle-orm";
import type { DB } from "../../db/client";
import { digestItems, users } from "../../db/schema";
import { queueEmail } from "../email/outbox";
import { formatDay } from "../shared/dates";
import { newId } from "../shared/ids";
import { briefly } from "./briefly";
import { effectiveChoices } from "./choices";
import { KINDS, type NotificationKind } from "./kinds";

/** Something people on a module should hear of: a mention, a reply, a request to review. */
export type News = {
  kind: NotificationKind;
  orgId: string;
  module: { id: string; title: string };
  actor: { userId: string; name: string };
  to: string[];
  comment?: { id: string; body: string };
  dueOn?: string;
};

/** Where the news is seen: the module for a comment, its Review tab for a request. */
export function pathOf(kind: NotificationKind, moduleId: string): string {
  return kind === "review_request" ? `/workshop/${moduleId}/review` : `/workshop/${moduleId}`;
}

/**
 * Tells each person as they chose, in the caller's transaction so nothing goes for a change that
 * was rolled back: at once an email is queued, for the digest a line waits, and never is nothing.
 * The one who acted is never told of their own doing.
 */
export function tellPeople(db: DB, news: News, now: Date) {
  const ids = [...new Set(news.to)].filter((id) => id !== news.actor.userId);
  if (ids.length === 0) return;
  const people = db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(inArray(users.id, ids))
    .all();
  for (const person of people) {
    const choice = effectiveChoices(db, person)[news.kind];
    if (choice === "never") continue;
    if (choice === "digest") {
      db.insert(digestItems)
        .values({
          id: newId(),
          userId: person.id,
          orgId: news.orgId,
          kind: news.kind,
          moduleId: news.module.id,
          actorUserId: news.actor.userId,
          commentId: news.comment?.id ?? null,
          dueOn: news.dueOn ?? null,
          createdAt: now,
        })
        .run();
      continue;
    }
    queueEmail(
      db,
      {
        orgId: news.orgId,
        kind: KINDS[news.kind].email,
        to: person.email,
        params: {
          name: person.name,
          who: news.actor.name,
          module: news.module.title,
          path: pathOf(news.kind, news.module.id),
          ...(news.comment ? { excerpt: briefly(news.comment.body) } : {}),
          ...(news.dueOn ? { dueOn: formatDay(news.dueOn) } : {}),
        },
        ref: news.comment?.id ?? news.module.id,
      },
      now,
    );
  }
}
