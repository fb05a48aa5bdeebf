import { and, desc, eq, isNull } from "drizzle-orm";
import type { DB } from "../../db/client";
import { notices } from "../../db/schema";
import { type Context, inTransaction } from "../auth/context";
import { NotFoundError } from "../shared/errors";
import { newId } from "../shared/ids";

export type Notice = { kind: string; title: string; body?: string; link?: string | null };

/**
 * Where notices go. In-app is the only channel today; an email channel would be another entry
 * here, reading the same notice (and could be switched on per person).
 */
type Channel = (db: DB, orgId: string, userIds: string[], notice: Notice, now: Date) => void;

const inApp: Channel = (db, orgId, userIds, notice, now) => {
  if (userIds.length === 0) return;
  db.insert(notices)
    .values(
      userIds.map((userId) => ({
        id: newId(),
        orgId,
        userId,
        kind: notice.kind,
        title: notice.title,
        body: notice.body ?? "",
        link: notice.link ?? null,
        createdAt: now,
      })),
    )
    .run();
};

const CHANNELS: Channel[] = [inApp];

export function notify(db: DB, orgId: string, userIds: string[], notice: Notice, now = new Date()) {
  for (const channel of CHANNELS) channel(db, orgId, [...new Set(userIds)], notice, now);
}

export function unreadNotices(db: DB, orgId: string, userId: string, limit = 20) {
  return db
    .select({
      id: notices.id,
      kind: notices.kind,
      title: notices.title,
      body: notices.body,
      link: notices.link,
      createdAt: notices.createdAt,
    })
    .from(notices)
    .where(and(eq(notices.userId, userId), eq(notices.orgId, orgId), isNull(notices.readAt)))
    .orderBy(desc(notices.createdAt))
    .limit(limit)
    .all();
}

/**
 * Dismisses one of the person's own notices (or all of them when no id is given). Dismissing one
 * already dismissed changes nothing; an id that is not one of theirs is not there.
 */
export function dismissNotices(ctx: Context, noticeId: string | null) {
  inTransaction(ctx, ({ db, actor, now }) => {
    const own = and(eq(notices.userId, actor.userId), eq(notices.orgId, actor.orgId));
    if (noticeId) {
      const found = db
        .select({ id: notices.id })
        .from(notices)
        .where(and(own, eq(notices.id, noticeId)))
        .get();
      if (!found) throw new NotFoundError("That notice");
    }
    db.update(notices)
      .set({ readAt: now })
      .where(and(own, isNull(notices.readAt), noticeId ? eq(notices.id, noticeId) : undefined))
      .run();
  });
}
