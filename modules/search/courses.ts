import { sql } from "drizzle-orm";
import type { Context } from "../auth/context";
import { authorize } from "../auth/policy";
import { hasMark, MARK_CLOSE, MARK_OPEN, segmentsOf } from "./marks";
import { MAX_RESULTS } from "./modules";
import type { SearchQuery } from "./query";

type Row = {
  id: string;
  status: "draft" | "published" | "archived";
  titleMarked: string;
  summaryMarked: string;
  modulesMarked: string;
};

/**
 * The course list's search: the organisation's courses whose title, description or module titles
 * hold every word, for the people who compose courses. Courses that only wrap a module assigned on
 * its own are left out, as the list leaves them out.
 */
export function searchCourses(ctx: Context, query: SearchQuery) {
  authorize(ctx.actor, "course.manage");
  if (!query.match) return [];
  const rows = ctx.db.all<Row>(sql`
    select c.id, c.status,
      highlight(course_search, 0, ${MARK_OPEN}, ${MARK_CLOSE}) as titleMarked,
      highlight(course_search, 1, ${MARK_OPEN}, ${MARK_CLOSE}) as summaryMarked,
      highlight(course_search, 2, ${MARK_OPEN}, ${MARK_CLOSE}) as modulesMarked
    from course_search
    join course_search_text t on t.key = course_search.rowid
    join courses c on c.id = t.course_id
    where course_search match ${query.match}
      and c.org_id = ${ctx.actor.orgId}
      and c.single_module_id is null
    order by bm25(course_search, 10.0, 4.0, 2.0)
    limit ${MAX_RESULTS}
  `);
  return rows.map(({ titleMarked, summaryMarked, modulesMarked, ...course }) => {
    const modules = segmentsOf(modulesMarked);
    return {
      ...course,
      title: segmentsOf(titleMarked),
      summary: segmentsOf(summaryMarked),
      modules: hasMark(modules) ? modules : [],
    };
  });
}
