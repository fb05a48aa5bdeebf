import { and, asc, eq, inArray, isNull, lte } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { DB } from "../../db/client";
import { comments, digestItems, digestsSent, modules, users } from "../../db/schema";
import { queueEmail } from "../email/outbox";
import type { DigestLine } from "../email/templates";
import { formatDay, todayInLondon } from "../shared/dates";
import { briefly } from "./briefly";
import { pathOf } from "./tell";

/** Digests go from this hour of the London day: read at the start of a day, never in the night. */
export const DIGEST_HOUR = 8;

const LONDON_HOUR = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", hour: "2-digit", hourCycle: "h23" });

function waitingLines(db: DB, now: Date) {
  const actor = alias(users, "actor");
  return db
    .select({
      id: digestItems.id,
      userId: digestItems.userId,
      orgId: digestItems.orgId,
      kind: digestItems.kind,
      moduleId: digestItems.moduleId,
      module: modules.title,
      who: actor.name,
      body: comments.body,
      hiddenAt: comments.hiddenAt,
      dueOn: digestItems.dueOn,
    })
    .from(digestItems)
    .innerJoin(modules, eq(modules.id, digestItems.moduleId))
    .leftJoin(actor, eq(actor.id, digestItems.actorUserId))
    .leftJoin(comments, eq(comments.id, digestItems.commentId))
    .where(and(isNull(digestItems.digestDay), lte(digestItems.createdAt, now)))
    .orderBy(asc(digestItems.userId), asc(digestItems.createdAt))
    .all();
}

type Waiting = ReturnType<typeof waitingLines>[number];

/** One line of a digest: who did what on which module, a comment quoted briefly, and the link. */
function lineOf(item: Waiting): DigestLine {
  const who = item.who ?? "A former member";
  const quote = item.body && !item.hiddenAt ? `: "${briefly(item.body)}"` : "";
  const text =
    item.kind === "mention"
      ? `${who} mentioned you on ${item.module}${quote}`
      : item.kind === "reply"
        ? `${who} replied on ${item.module}${quote}`
        : `${who} asked you to review ${item.module}${item.dueOn ? ` by ${formatDay(item.dueOn)}` : ""}`;
  return { text, label: `Open ${item.module}`, path: pathOf(item.kind, item.moduleId) };
}

/**
 * One pass: each person with lines waiting gets one digest of them, at most once a London day, from
 * DIGEST_HOUR (`fromHour` moves it, for a run that must not wait for the morning). The day's record is written in the transaction that queues the email, so a pass run
 * hourly, or twice at once, sends one; a person with nothing waiting gets nothing.
 */
export function runDigests(db: DB, now: Date, options: { fromHour?: number } = {}) {
  if (Number(LONDON_HOUR.format(now)) < (options.fromHour ?? DIGEST_HOUR)) return { sent: 0 };
  const day = todayInLondon(now);
  let sent = 0;
  db.transaction((tx) => {
    const byPerson = new Map<string, Waiting[]>();
    for (const item of waitingLines(tx, now)) byPerson.set(item.userId, [...(byPerson.get(item.userId) ?? []), item]);
    for (const [userId, items] of byPerson) {
      const person = tx.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, userId)).get();
      if (!person) continue;
      const first = tx.insert(digestsSent).values({ userId, day, sentAt: now }).onConflictDoNothing().run();
      if (first.changes !== 1) continue;
      const orgs = new Set(items.map((i) => i.orgId));
      queueEmail(
        tx,
        {
          orgId: orgs.size === 1 ? (items[0]?.orgId ?? null) : null,
          kind: "digest",
          to: person.email,
          params: { name: person.name, items: JSON.stringify(items.map(lineOf)) },
          ref: null,
        },
        now,
      );
      tx.update(digestItems)
        .set({ digestDay: day })
        .where(
          inArray(
            digestItems.id,
            items.map((i) => i.id),
          ),
        )
        .run();
      sent += 1;
    }
  });
  return { sent };
}

/** Runs the pass now and then every hour in the background; how often changes nothing about what is sent. */
export function startDigests(db: DB, options: { everyMs?: number } = {}) {
  const tick = () => {
    try {
      runDigests(db, new Date());
    } catch (error) {
      console.error("Digest pass failed:", error instanceof Error ? error.message : "unknown error");
    }
  };
  tick();
  const timer = setInterval(tick, options.everyMs ?? 60 * 60 * 1000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
