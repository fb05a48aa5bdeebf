import type { DB } from "../../db/client";
import { loadDocumentJSON } from "../collaboration/store";
import { withoutCommentAnchors } from "../documents/facts";
import { withoutSuggestions } from "../documents/suggestions";
import type { ModuleRow } from "../workshop/module-access";
import { createModule } from "../workshop/service";

/**
 * A new draft with the module's details and its current document, and nothing else: no comment
 * threads (their anchors are taken out of the text), no sign-offs, no history, no published versions,
 * no update log. The person who made it is its only collaborator and its only credit, so even a
 * module that came from starter content starts again as theirs. Runs inside the caller's transaction.
 */
export function copyModule(
  db: DB,
  source: ModuleRow,
  input: { createdBy: string; title: string },
  now: Date,
): { id: string } {
  return createModule(
    db,
    {
      title: input.title,
      topic: source.topic,
      customTopic: source.customTopic,
      summary: source.summary,
      estimatedMinutes: source.estimatedMinutes,
      orgId: source.orgId,
      createdBy: input.createdBy,
      doc: withoutCommentAnchors(withoutSuggestions(loadDocumentJSON(db, source.id))),
      originCredit: null,
    },
    now,
  );
}

/** "Copy of …", kept inside the title's limit of 120 characters. */
export function copyTitle(title: string) {
  const copy = `Copy of ${title}`;
  return copy.length <= 120 ? copy : `${copy.slice(0, 119)}…`;
}
