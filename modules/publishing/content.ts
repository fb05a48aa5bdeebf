import type { VersionSection } from "../../db/schema";
import type { DocJSON } from "../documents/json";
import { renderDocumentHTML } from "../documents/render";
import { findNodes, splitSections } from "../documents/sections";
import { withoutStories } from "../documents/stories";
import { withoutSuggestions } from "../documents/suggestions";

/** Comments are part of writing, not of what is taught: they never reach a published version. */
export function withoutCommentMarks(node: DocJSON): DocJSON {
  const { marks, content, ...rest } = node;
  const kept = marks?.filter((m) => m.type !== "comment");
  return {
    ...rest,
    ...(kept && kept.length > 0 ? { marks: kept } : {}),
    ...(content ? { content: content.map(withoutCommentMarks) } : {}),
  };
}

/**
 * Everything a version freezes about its content: the document, its HTML, its sections and notes.
 * Open suggestions go in rejected, and stories their storytellers withdrew go in as withdrawn,
 * whatever the draft says.
 */
export function versionContent(source: DocJSON, withdrawnStories: ReadonlySet<string> = new Set()) {
  const doc = withoutStories(withoutCommentMarks(withoutSuggestions(source)), withdrawnStories);
  const sections: VersionSection[] = splitSections(doc).map((s) => ({
    index: s.index,
    title: s.title,
    contentNotes: [...s.contentNoteTopics, ...s.customTopics.map((t) => `custom:${t}`)],
    checks: s.nodes.flatMap((n) => findNodes(n, "knowledgeCheck")).map((c) => String(c.attrs?.id ?? "")),
  }));
  const contentNotes = [...new Set(sections.flatMap((s) => s.contentNotes))];
  return { doc, html: renderDocumentHTML(doc), sections, contentNotes };
}
