import { and, inArray } from "drizzle-orm";
import type { DB } from "../../db/client";
import { moduleVersions } from "../../db/schema";
import type { DocJSON } from "../documents/json";
import { childOf, childrenOf, splitSections, textOf } from "../documents/sections";

/** A knowledge check as an LRS is told it: plain text only, since a language map holds no markup. */
export type ChoiceCheck = { question: string; options: { id: string; text: string; correct: boolean }[] };

/** The knowledge checks of published module versions, by version id, then check id. */
export type PublishedChecks = ReadonlyMap<string, ReadonlyMap<string, ChoiceCheck>>;

const plain = (node: DocJSON | undefined) => (node ? textOf(node).replace(/\s+/g, " ").trim() : "");

/**
 * A version's checks, found where the player finds them (the blocks of each section), so the ids an
 * answer was checked against are the ids described here.
 */
export function checksOfDocument(doc: DocJSON): Map<string, ChoiceCheck> {
  const checks = new Map<string, ChoiceCheck>();
  for (const node of splitSections(doc).flatMap((s) => s.nodes)) {
    if (node.type !== "knowledgeCheck") continue;
    checks.set(String(node.attrs?.id ?? ""), {
      question: plain(childOf(node, "checkQuestion")),
      options: childrenOf(node, "checkOption").map((o) => ({
        id: String(o.attrs?.id ?? ""),
        text: plain(childOf(o, "optionText")),
        correct: Boolean(o.attrs?.correct),
      })),
    });
  }
  return checks;
}

/**
 * The checks of the versions the given events were answered in, read in one query for the whole
 * batch of events. Each version is looked up in the organisation of the events that name it.
 */
export function publishedChecks(db: DB, events: { moduleVersionId: string; orgId: string }[]): PublishedChecks {
  const checks = new Map<string, Map<string, ChoiceCheck>>();
  if (events.length === 0) return checks;
  const rows = db
    .select({ id: moduleVersions.id, doc: moduleVersions.doc })
    .from(moduleVersions)
    .where(
      and(
        inArray(moduleVersions.id, [...new Set(events.map((e) => e.moduleVersionId))]),
        inArray(moduleVersions.orgId, [...new Set(events.map((e) => e.orgId))]),
      ),
    )
    .all();
  for (const row of rows) checks.set(row.id, checksOfDocument(row.doc as DocJSON));
  return checks;
}
