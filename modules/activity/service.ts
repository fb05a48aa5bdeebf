import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { DB } from "../../db/client";
import { auditEvents, comments, commentThreads, moduleSnapshots, signoffs, users } from "../../db/schema";
import type { Context } from "../auth/context";
import { rolesWithArticles } from "../auth/role-sentences";
import { isRole } from "../auth/roles";
import { loadModule } from "../workshop/module-access";

export type ActivityItem = { at: Date; who: string | null; what: string; until?: Date };

/** Edits by one person closer together than this are one piece of work in the feed. */
const EDIT_GAP_MS = 30 * 60 * 1000;

const AUDITED: Record<string, string> = {
  "module.created": "created the module",
  "collaborator.set": "added or changed a collaborator",
  "collaborator.removed": "removed a collaborator",
  "module.review_started": "started the review",
  "module.signed_off": "signed off",
  "module.restored": "restored an earlier version",
  "module.archived": "archived the module",
  "module.unarchived": "brought the module back from the archive",
  "module.published": "published a version",
};

/** A collaborator's role after "as": the organisation roles by their labels, and the module-only reviewer. */
function collaboratorRole(role: unknown): string {
  if (typeof role === "string" && isRole(role)) return rolesWithArticles([role]);
  return role === "reviewer" ? "a reviewer" : "a collaborator";
}

/** Edits grouped into sessions per person, with window functions so SQLite does the grouping. */
function editSessions(db: DB, moduleId: string) {
  return db.all<{ userId: string; name: string | null; started: number; ended: number; edits: number }>(sql`
    with ordered as (
      select user_id, created_at,
        case when created_at - lag(created_at) over (partition by user_id order by id) <= ${EDIT_GAP_MS}
          then 0 else 1 end as starts
      from module_doc_updates
      where module_id = ${moduleId} and user_id is not null
    ),
    grouped as (
      select user_id, created_at, sum(starts) over (partition by user_id order by created_at rows unbounded preceding) as session
      from ordered
    )
    select g.user_id as userId, u.name as name, min(g.created_at) as started, max(g.created_at) as ended, count(*) as edits
    from grouped g left join users u on u.id = g.user_id
    group by g.user_id, g.session
    order by ended desc
    limit 100
  `);
}

/** The module's story: who joined, edited, commented, signed off, snapshotted and restored, newest first. */
export function moduleActivity(ctx: Context, moduleId: string, limit = 100): ActivityItem[] {
  loadModule(ctx, moduleId);
  const { db } = ctx;
  const items: ActivityItem[] = [];
  for (const s of editSessions(db, moduleId)) {
    items.push({
      at: new Date(s.started),
      until: new Date(s.ended),
      who: s.name,
      what: s.edits === 1 ? "edited (1 change)" : `edited (${s.edits} changes)`,
    });
  }
  const audits = db
    .select({ at: auditEvents.at, action: auditEvents.action, detail: auditEvents.detail, who: users.name })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .where(
      and(
        eq(auditEvents.orgId, ctx.actor.orgId),
        eq(auditEvents.targetType, "module"),
        eq(auditEvents.targetId, moduleId),
        inArray(auditEvents.action, Object.keys(AUDITED)),
      ),
    )
    .orderBy(desc(auditEvents.id))
    .limit(limit)
    .all();
  const joinedNames = new Map(
    db
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(inArray(users.id, audits.map((a) => String(a.detail?.userId ?? "")).filter(Boolean)))
      .all()
      .map((u) => [u.id, u.name]),
  );
  for (const a of audits) {
    let what = AUDITED[a.action] ?? a.action;
    const subject = joinedNames.get(String(a.detail?.userId ?? ""));
    if (a.action === "collaborator.set" && subject) what = `added ${subject} as ${collaboratorRole(a.detail?.role)}`;
    if (a.action === "collaborator.removed" && subject) what = `removed ${subject} from the module`;
    if (a.action === "module.signed_off") what = `signed off revision ${String(a.detail?.revision ?? "")}`;
    if (a.action === "module.restored") what = `restored “${String(a.detail?.name ?? "an earlier version")}”`;
    items.push({ at: a.at, who: a.who, what });
  }
  const commentRows = db
    .select({
      at: comments.createdAt,
      who: users.name,
      quote: commentThreads.quote,
      first: sql<number>`${comments.id} = (select c2.id from comments c2 where c2.thread_id = ${comments.threadId} order by c2.created_at limit 1)`,
    })
    .from(comments)
    .innerJoin(commentThreads, eq(commentThreads.id, comments.threadId))
    .leftJoin(users, eq(users.id, comments.authorId))
    .where(eq(commentThreads.moduleId, moduleId))
    .orderBy(desc(comments.createdAt))
    .limit(limit)
    .all();
  for (const c of commentRows) {
    const quote = c.quote.length > 40 ? `${c.quote.slice(0, 40)}…` : c.quote;
    items.push({ at: c.at, who: c.who, what: c.first ? `commented on “${quote}”` : `replied about “${quote}”` });
  }
  for (const s of db
    .select({ at: signoffs.createdAt, who: users.name, revision: signoffs.revision })
    .from(signoffs)
    .leftJoin(users, eq(users.id, signoffs.userId))
    .where(and(eq(signoffs.moduleId, moduleId), eq(signoffs.decision, "changes_requested")))
    .all()) {
    items.push({ at: s.at, who: s.who, what: `asked for changes to revision ${s.revision}` });
  }
  for (const s of db
    .select({ at: moduleSnapshots.createdAt, who: users.name, name: moduleSnapshots.name })
    .from(moduleSnapshots)
    .leftJoin(users, eq(users.id, moduleSnapshots.createdBy))
    .where(and(eq(moduleSnapshots.moduleId, moduleId), eq(moduleSnapshots.kind, "manual")))
    .all()) {
    items.push({ at: s.at, who: s.who, what: `took a snapshot, “${s.name}”` });
  }
  return items.sort((a, b) => (b.until ?? b.at).getTime() - (a.until ?? a.at).getTime()).slice(0, limit);
}
