import { sql } from "drizzle-orm";
import type { Context } from "../auth/context";
import { hasRole } from "../auth/policy";
import type { ModuleFilters } from "../workshop/service";
import { openWorkshop } from "../workshop/service";
import { hasMark, MARK_CLOSE, MARK_OPEN, segmentsOf } from "./marks";
import type { SearchQuery } from "./query";

/** The most results a search shows: enough to find a module, few enough to read. */
export const MAX_RESULTS = 50;

type Row = {
  id: string;
  title: string;
  topic: string;
  customTopic: string;
  status: string;
  estimatedMinutes: number;
  myRole: string | null;
  titleMarked: string;
  summaryMarked: string;
  excerpt: string;
};

/**
 * The Workshop's search: modules whose title, summary or text hold every word, best first (a word in
 * the title counts most). The same rules as the Workshop list, inside the query: the organisation's
 * modules only, not archived ones unless asked, and for anyone who is not a facilitator of the
 * organisation only the modules they are on.
 */
export function searchModules(ctx: Context, query: SearchQuery, filters: ModuleFilters = {}) {
  const { db, actor } = ctx;
  openWorkshop(db, actor);
  if (!query.match) return [];
  const onlyMine = filters.mine || !hasRole(actor, "facilitator");
  // Ranked and cut to the page first, so the highlights (which read each module's whole text again)
  // are made for the results shown, not for every module that matched.
  const rows = db.all<Row>(sql`
    with ranked as (
      select t.key, m.id, bm25(module_search, 10.0, 4.0, 1.0) as score, mine.role as myRole
      from module_search
      join module_search_text t on t.key = module_search.rowid
      join modules m on m.id = t.module_id
      left join module_collaborators mine
        on mine.module_id = m.id and mine.user_id = ${actor.userId} and mine.removed_at is null
      where module_search match ${query.match}
        and m.org_id = ${actor.orgId}
        and ${filters.status ? sql`m.status = ${filters.status}` : sql`m.status != 'archived'`}
        ${filters.topic ? sql`and m.topic = ${filters.topic}` : sql``}
        ${onlyMine ? sql`and mine.role is not null` : sql``}
      order by score
      limit ${MAX_RESULTS}
    )
    select m.id, m.title, m.topic, m.custom_topic as customTopic, m.status,
      m.estimated_minutes as estimatedMinutes, ranked.myRole,
      highlight(module_search, 0, ${MARK_OPEN}, ${MARK_CLOSE}) as titleMarked,
      highlight(module_search, 1, ${MARK_OPEN}, ${MARK_CLOSE}) as summaryMarked,
      snippet(module_search, 2, ${MARK_OPEN}, ${MARK_CLOSE}, '…', 24) as excerpt
    from ranked
    join module_search on module_search.rowid = ranked.key
    join modules m on m.id = ranked.id
    where module_search match ${query.match}
    order by ranked.score
  `);
  return rows.map(({ titleMarked, summaryMarked, excerpt, ...module }) => {
    const text = segmentsOf(excerpt);
    return {
      ...module,
      title: segmentsOf(titleMarked),
      summary: segmentsOf(summaryMarked),
      // The text's excerpt only when a word matched there; otherwise it is just the opening lines.
      excerpt: hasMark(text) ? text : [],
    };
  });
}
