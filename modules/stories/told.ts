import { and, asc, eq, sql } from "drizzle-orm";
import type { DB } from "../../db/client";
import { modules, moduleVersions } from "../../db/schema";
import type { DocJSON } from "../documents/json";
import { findNodes, textOf } from "../documents/sections";
import { type StoryFacts, storyFacts } from "../documents/stories";

/** Where a story is: the draft of its module, and each published version that holds it. */
export type ToldStory = StoryFacts & {
  moduleId: string;
  moduleTitle: string;
  /** The story's opening words, so its storyteller knows which one it is. Only ever shown to them. */
  opening: string;
  inDraft: boolean;
  versions: number[];
};

/** Reads the current draft of a module (the live one when it is open). */
export type DraftReader = (moduleId: string) => DocJSON;

const OPENING_WORDS = 24;

function opening(node: DocJSON): string {
  const words = textOf(node).trim().split(/\s+/).filter(Boolean);
  return words.length > OPENING_WORDS ? `${words.slice(0, OPENING_WORDS).join(" ")}…` : words.join(" ");
}

/**
 * The stories of an organisation's modules, each with everywhere it appears, optionally only those
 * one person told. Published versions are read from the store, each draft through `draft`. Withdrawn
 * stories hold no storyteller any more, so they are not anyone's.
 */
export function storiesIn(
  db: DB,
  orgId: string,
  draft: DraftReader,
  filter: { storytellerId?: string; moduleId?: string } = {},
): ToldStory[] {
  const found = new Map<string, ToldStory>();
  const add = (moduleId: string, moduleTitle: string, doc: DocJSON, version: number | null) => {
    for (const node of findNodes(doc, "story")) {
      const facts = storyFacts(node);
      if (facts.withdrawn || !facts.id) continue;
      if (filter.storytellerId && facts.storytellerId !== filter.storytellerId) continue;
      const key = `${moduleId}/${facts.id}`;
      const told = found.get(key) ?? {
        ...facts,
        moduleId,
        moduleTitle,
        opening: opening(node),
        inDraft: false,
        versions: [],
      };
      if (version === null) {
        // The draft says how the story stands now.
        Object.assign(told, facts, { opening: opening(node), inDraft: true });
      } else told.versions.push(version);
      found.set(key, told);
    }
  };
  const moduleRows = db
    .select({ id: modules.id, title: modules.title })
    .from(modules)
    .where(and(eq(modules.orgId, orgId), filter.moduleId ? eq(modules.id, filter.moduleId) : undefined))
    .orderBy(asc(modules.title))
    .all();
  const titles = new Map(moduleRows.map((m) => [m.id, m.title]));
  const versions = db
    .select({ moduleId: moduleVersions.moduleId, version: moduleVersions.version, doc: moduleVersions.doc })
    .from(moduleVersions)
    .where(
      and(
        eq(moduleVersions.orgId, orgId),
        filter.moduleId ? eq(moduleVersions.moduleId, filter.moduleId) : undefined,
        // Only versions whose text names the person are parsed.
        filter.storytellerId ? sql`instr(${moduleVersions.doc}, ${filter.storytellerId}) > 0` : undefined,
      ),
    )
    .orderBy(asc(moduleVersions.version))
    .all();
  for (const v of versions) add(v.moduleId, titles.get(v.moduleId) ?? "", v.doc as DocJSON, v.version);
  for (const m of moduleRows) add(m.id, m.title, draft(m.id), null);
  return [...found.values()].sort((a, b) => a.moduleTitle.localeCompare(b.moduleTitle));
}
