import { eq, isNull, sql } from "drizzle-orm";
import type { DB } from "../../db/client";
import { moduleSearchText } from "../../db/schema";
import type { DocJSON } from "../documents/json";
import { textOf } from "../documents/sections";
import { withoutSuggestions } from "../documents/suggestions";
import { indexable } from "./marks";

/** The words of a module's document, in reading order, as search indexes them (open suggestions rejected). */
export function documentText(source: DocJSON): string {
  const doc = withoutSuggestions(source);
  return indexable((doc.content ?? []).map(textOf).join("\n"));
}

/**
 * Writes a module's document text into its search row; triggers carry it into the FTS5 index. Called
 * by the document store whenever the content changes. The row itself is made by a trigger when the
 * module is, so a module that is not there changes nothing.
 */
export function indexModuleText(db: DB, moduleId: string, doc: DocJSON) {
  db.update(moduleSearchText)
    .set({ body: documentText(doc) })
    .where(eq(moduleSearchText.moduleId, moduleId))
    .run();
}

/**
 * Reads the documents whose text is not indexed yet (the modules there were when search arrived) and
 * indexes them. Run once as the server starts; afterwards every change is indexed as it is saved.
 */
export function indexUnreadModules(db: DB, load: (moduleId: string) => DocJSON): number {
  const pending = db
    .select({ moduleId: moduleSearchText.moduleId })
    .from(moduleSearchText)
    .where(isNull(moduleSearchText.body))
    .all();
  for (const { moduleId } of pending) indexModuleText(db, moduleId, load(moduleId));
  return pending.length;
}

/**
 * Rewrites the module index in one piece. FTS5 marks replaced text as deleted and drops it only when
 * segments merge; after a story is withdrawn its words must be gone from the index files at once.
 */
export function rewriteModuleIndex(db: DB) {
  db.run(sql`insert into module_search(module_search) values ('optimize')`);
}
