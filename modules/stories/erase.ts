import * as Y from "yjs";
import type { DB } from "../../db/client";
import { storyWithdrawals } from "../../db/schema";
import { recordAudit } from "../audit/service";
import { FRAGMENT } from "../collaboration/protocol";
import { appendUpdate, compactDocument, loadDocumentJSON, loadYDoc } from "../collaboration/store";
import { withoutStories } from "../documents/stories";
import { eraseStoryFromSnapshots, recordSnapshot } from "../history/service";
import { eraseStoryFromVersions } from "../publishing/service";
import { indexModuleText, rewriteModuleIndex } from "../search/indexing";

export type StoryRef = { orgId: string; moduleId: string; storyId: string };

function storyElement(parent: Y.XmlFragment | Y.XmlElement, storyId: string): Y.XmlElement | null {
  for (const child of parent.toArray()) {
    if (!(child instanceof Y.XmlElement)) continue;
    if (child.nodeName === "story" && child.getAttribute("id") === storyId) return child;
    const inside = storyElement(child, storyId);
    if (inside) return inside;
  }
  return null;
}

/**
 * The change that withdraws a story in a module's live document: its words and everything said about
 * it go, its place stays, marked withdrawn, so co-authors see what happened where it was.
 */
export function withdrawInDraft(doc: Y.Doc, storyId: string) {
  const element = storyElement(doc.getXmlFragment(FRAGMENT), storyId);
  if (!element) return;
  element.delete(0, element.length);
  for (const name of Object.keys(element.getAttributes())) {
    if (name !== "id") element.removeAttribute(name);
  }
  element.setAttribute("withdrawn", true as unknown as string);
}

/**
 * Records the withdrawal and takes the story out of everything stored beside the draft: every
 * published version, every snapshot in history and the search index. History records that a story
 * was withdrawn, with the draft as it is afterwards. Call inside a transaction, once the draft itself
 * no longer holds the story.
 */
export function recordWithdrawal(db: DB, story: StoryRef, actorUserId: string | null, now: Date) {
  db.insert(storyWithdrawals)
    .values({ orgId: story.orgId, moduleId: story.moduleId, storyId: story.storyId, withdrawnAt: now })
    .onConflictDoNothing()
    .run();
  eraseStoryFromVersions(db, story);
  eraseStoryFromSnapshots(db, story.moduleId, story.storyId);
  const draft = withoutStories(loadDocumentJSON(db, story.moduleId), new Set([story.storyId]));
  recordSnapshot(
    db,
    {
      moduleId: story.moduleId,
      name: "A story was withdrawn by the person who shared it",
      kind: "withdrawal",
      userId: null,
      doc: draft,
    },
    now,
  );
  indexModuleText(db, story.moduleId, draft);
  rewriteModuleIndex(db);
  recordAudit(
    db,
    {
      orgId: story.orgId,
      actorUserId,
      action: "story.withdrawn",
      targetType: "module",
      targetId: story.moduleId,
      detail: { storyId: story.storyId },
    },
    now,
  );
}

/**
 * Withdraws a story with no live server to hand (erasing an account): the draft's change is written
 * straight to its stored log, where the live document picks it up when it is next loaded.
 */
export function withdrawStoredStory(db: DB, story: StoryRef, now: Date) {
  const doc = loadYDoc(db, story.moduleId);
  const before = Y.encodeStateVector(doc);
  doc.transact(() => withdrawInDraft(doc, story.storyId));
  const update = Y.encodeStateAsUpdate(doc, before);
  doc.destroy();
  if (update.byteLength > 2) appendUpdate(db, story.moduleId, update, null, now);
  // Compacting drops the deleted words from the stored state (garbage collection).
  compactDocument(db, story.moduleId, now);
  recordWithdrawal(db, story, null, now);
}
