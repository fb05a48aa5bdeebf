import { and, asc, count, eq, inArray } from "drizzle-orm";
import type { DB } from "../../db/client";
import { comments, commentThreads, moduleCollaborators, modules, users } from "../../db/schema";
import { recordAudit } from "../audit/service";
import { type Context, inTransaction } from "../auth/context";
import { loadYDoc } from "../collaboration/store";
import { NotFoundError } from "../shared/errors";
import { saveCreditChoice } from "../workshop/collaborators";
import { loadModule } from "../workshop/module-access";
import type { CreditMode } from "../workshop/schemas";
import { authorshipOf } from "./authorship-cache";
import { remainingWork } from "./measure";

export type Contribution = {
  userId: string;
  realName: string;
  role: string | null;
  current: boolean;
  characters: number;
  blocks: number;
  comments: number;
  creditMode: CreditMode;
  creditName: string;
};

/**
 * Everyone who shaped a module: current collaborators, and anyone who ever wrote or commented in
 * it. The figures are what each person's work left in the module now (characters and training
 * blocks still there), so undone or rewritten work is not counted; having written at all is what
 * earns credit, so someone whose words were all reworded since is still credited.
 */
export function listContributions(db: DB, moduleId: string): Contribution[] {
  const authorship = authorshipOf(db, moduleId);
  const remaining = remainingWork(loadYDoc(db, moduleId), authorship);
  const commentCounts = new Map(
    db
      .select({ userId: comments.authorId, n: count() })
      .from(comments)
      .innerJoin(commentThreads, eq(commentThreads.id, comments.threadId))
      .where(eq(commentThreads.moduleId, moduleId))
      .groupBy(comments.authorId)
      .all()
      .map((r) => [r.userId ?? "", r.n]),
  );
  const rows = db
    .select({
      userId: moduleCollaborators.userId,
      realName: users.name,
      role: moduleCollaborators.role,
      removedAt: moduleCollaborators.removedAt,
      creditMode: moduleCollaborators.creditMode,
      creditName: moduleCollaborators.creditName,
    })
    .from(moduleCollaborators)
    .innerJoin(users, eq(users.id, moduleCollaborators.userId))
    .where(eq(moduleCollaborators.moduleId, moduleId))
    .orderBy(asc(moduleCollaborators.addedAt))
    .all();
  return rows
    .map((r) => ({
      userId: r.userId,
      realName: r.realName,
      role: r.removedAt ? null : r.role,
      current: r.removedAt === null,
      wrote: authorship.wrote.has(r.userId),
      characters: remaining.get(r.userId)?.characters ?? 0,
      blocks: remaining.get(r.userId)?.blocks ?? 0,
      comments: commentCounts.get(r.userId) ?? 0,
      creditMode: r.creditMode,
      creditName: r.creditName,
    }))
    .filter((c) => c.current || c.wrote || c.comments > 0)
    .map(({ wrote: _wrote, ...c }) => c);
}

/** The name shown to others, or null for someone who chose not to be named. */
export function creditedName(c: Pick<Contribution, "creditMode" | "creditName" | "realName">): string | null {
  if (c.creditMode === "anonymous") return null;
  if (c.creditMode === "chosen") return c.creditName || null;
  return c.realName;
}

export type CreditSummary = { names: string[]; anonymous: number; origin: string | null };

export function creditSummary(contributions: Contribution[], origin: string | null): CreditSummary {
  const names: string[] = [];
  let anonymous = 0;
  for (const c of contributions) {
    const name = creditedName(c);
    if (name) names.push(name);
    else anonymous += 1;
  }
  return { names, anonymous, origin };
}

/** "Co-produced by Fran Mills, Jordan and 1 person who chose not to be named, from Alongside starter content." */
export function creditLine(summary: CreditSummary): string {
  const parts = [...summary.names];
  if (summary.anonymous > 0) {
    parts.push(
      summary.anonymous === 1
        ? "1 person who chose not to be named"
        : `${summary.anonymous} people who chose not to be named`,
    );
  }
  const people =
    parts.length <= 1 ? (parts[0] ?? "") : `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
  if (!people) return summary.origin ? `From ${summary.origin}.` : "";
  return `Co-produced by ${people}${summary.origin ? `, building on ${summary.origin}` : ""}.`;
}

/**
 * The module credit of one person changes everywhere it is shown, at once (credits are resolved when
 * shown). Anyone who is or was on a module of their organisation chooses their own; someone who
 * never was has no credit there to choose.
 */
export function setCreditChoice(
  ctx: Context,
  moduleId: string,
  choice: { creditMode: CreditMode; creditName: string },
) {
  inTransaction(ctx, (tx) => {
    const { db, actor, now } = tx;
    const module = db
      .select({ id: modules.id })
      .from(modules)
      .where(and(eq(modules.id, moduleId), eq(modules.orgId, actor.orgId)))
      .get();
    if (!module || !saveCreditChoice(db, moduleId, actor.userId, choice)) throw new NotFoundError("That module");
    recordAudit(
      db,
      {
        orgId: actor.orgId,
        actorUserId: actor.userId,
        action: "credit.changed",
        targetType: "module",
        targetId: moduleId,
        detail: { creditMode: choice.creditMode },
      },
      now,
    );
  });
}

/** Every module the person is or was on in their organisation, with their credit choice (for the account page). */
export function myCredits(ctx: Context) {
  return ctx.db
    .select({
      moduleId: modules.id,
      title: modules.title,
      creditMode: moduleCollaborators.creditMode,
      creditName: moduleCollaborators.creditName,
      removedAt: moduleCollaborators.removedAt,
    })
    .from(moduleCollaborators)
    .innerJoin(modules, eq(modules.id, moduleCollaborators.moduleId))
    .where(and(eq(moduleCollaborators.userId, ctx.actor.userId), eq(modules.orgId, ctx.actor.orgId)))
    .orderBy(asc(modules.title))
    .all();
}

/**
 * The Contributions page: everyone who shaped the module, each shown only as they chose to be
 * credited (an anonymous person's name never leaves here), the credit line, and the person's own
 * choice when they are or were on the module.
 */
export function contributionsPage(ctx: Context, moduleId: string) {
  const { module } = loadModule(ctx, moduleId);
  const contributions = listContributions(ctx.db, moduleId);
  const me = contributions.find((c) => c.userId === ctx.actor.userId);
  return {
    moduleId,
    people: contributions.map((c) => {
      const isMe = c.userId === ctx.actor.userId;
      return {
        key: c.userId,
        isMe,
        shownAs: isMe ? c.realName : (creditedName(c) ?? "Someone who chose not to be named"),
        role: c.role,
        characters: c.characters,
        blocks: c.blocks,
        comments: c.comments,
      };
    }),
    line: creditLine(creditSummary(contributions, module.originCredit)),
    mine: me ? { realName: me.realName, mode: me.creditMode, name: me.creditName, shownAs: creditedName(me) } : null,
  };
}

/**
 * Credits for published work, resolved now from each person's current choice: the names of people
 * who want to be named, a count of those who do not, and any origin credits. Several modules (a
 * course) are combined, each person counted once.
 */
export function publishedCredits(
  db: DB,
  works: { moduleId: string; userIds: string[]; originCredit: string | null }[],
): CreditSummary {
  const pairs = works.flatMap((w) => w.userIds.map((userId) => ({ moduleId: w.moduleId, userId })));
  const rows =
    pairs.length === 0
      ? []
      : db
          .select({
            moduleId: moduleCollaborators.moduleId,
            userId: moduleCollaborators.userId,
            realName: users.name,
            creditMode: moduleCollaborators.creditMode,
            creditName: moduleCollaborators.creditName,
          })
          .from(moduleCollaborators)
          .innerJoin(users, eq(users.id, moduleCollaborators.userId))
          .where(
            inArray(
              moduleCollaborators.moduleId,
              works.map((w) => w.moduleId),
            ),
          )
          .all()
          .filter((r) => pairs.some((p) => p.moduleId === r.moduleId && p.userId === r.userId));
  const names = new Set<string>();
  const anonymous = new Set<string>();
  const named = new Set<string>();
  for (const r of rows) {
    const name = creditedName(r);
    if (name) {
      names.add(name);
      named.add(r.userId);
    } else anonymous.add(r.userId);
  }
  // Someone named on one module and anonymous on another is credited only by the name they allowed.
  for (const id of named) anonymous.delete(id);
  const origins = [...new Set(works.map((w) => w.originCredit).filter((o): o is string => Boolean(o)))];
  return { names: [...names], anonymous: anonymous.size, origin: origins.join(" and ") || null };
}
