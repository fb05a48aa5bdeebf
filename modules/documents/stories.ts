import type { DocJSON } from "./json";
import { findNodes, splitSections } from "./sections";
import { STORY_SCOPES, type StoryCredit, type StoryScope } from "./vocabulary";

/** A story block as the rest of the code reads it. */
export type StoryFacts = {
  id: string;
  storytellerId: string;
  credit: StoryCredit;
  scope: StoryScope | null;
  reviewOn: string | null;
  withdrawn: boolean;
};

export function storyFacts(node: DocJSON): StoryFacts {
  const attrs = node.attrs ?? {};
  const scope = String(attrs.scope ?? "");
  return {
    id: String(attrs.id ?? ""),
    storytellerId: String(attrs.storyteller ?? ""),
    credit: attrs.credit === "anonymous" ? "anonymous" : "named",
    scope: (STORY_SCOPES as readonly string[]).includes(scope) ? (scope as StoryScope) : null,
    reviewOn: /^\d{4}-\d{2}-\d{2}$/.test(String(attrs.reviewOn ?? "")) ? String(attrs.reviewOn) : null,
    withdrawn: attrs.withdrawn === true,
  };
}

/** The stories of a document, in reading order. */
export function storiesOf(doc: DocJSON): StoryFacts[] {
  return findNodes(doc, "story").map(storyFacts);
}

/** What is left of a story once it is withdrawn: its place, and nothing of it. */
export const withdrawnStory = (id: string): DocJSON => ({ type: "story", attrs: { id, withdrawn: true } });

/**
 * The document with the named stories replaced by their withdrawn place: no words, no storyteller,
 * no scope or dates. Returns the same object when none of them is there.
 */
export function withoutStories(doc: DocJSON, ids: ReadonlySet<string>): DocJSON {
  if (ids.size === 0) return doc;
  let changed = false;
  const visit = (node: DocJSON): DocJSON => {
    const id = String(node.attrs?.id ?? "");
    if (node.type === "story" && ids.has(id)) {
      const bare = node.attrs?.withdrawn === true && !node.content?.length && !node.attrs?.storyteller;
      if (bare) return node;
      changed = true;
      return withdrawnStory(id);
    }
    if (!node.content) return node;
    const content = node.content.map(visit);
    return content.some((c, i) => c !== node.content?.[i]) ? { ...node, content } : node;
  };
  const result = visit(doc);
  return changed ? result : doc;
}

/**
 * Why a document cannot be agreed or published yet for its stories: each one needs its storyteller
 * and how far they agreed it may be shared. Empty when every story is ready.
 */
export function storyProblems(doc: DocJSON): string[] {
  const problems: string[] = [];
  for (const section of splitSections(doc)) {
    const where = section.title ? `in “${section.title}”` : "at the start";
    for (const story of section.nodes.flatMap((n) => findNodes(n, "story")).map(storyFacts)) {
      if (story.withdrawn) continue;
      if (!story.storytellerId) problems.push(`The story ${where} needs its storyteller: choose who told it.`);
      if (!story.scope) {
        problems.push(
          `The story ${where} has no consent scope: choose how far its storyteller agreed it may be shared.`,
        );
      }
    }
  }
  return problems;
}

/**
 * The document as it may leave the organisation (a package for another learning system): withdrawn
 * stories as withdrawn, and stories their storytellers agreed to share only inside the organisation
 * left out altogether.
 */
export function storiesLeavingOrganisation(doc: DocJSON, withdrawn: ReadonlySet<string>): DocJSON {
  const visit = (node: DocJSON): DocJSON | null => {
    if (node.type === "story") {
      const story = storyFacts(node);
      if (story.withdrawn || withdrawn.has(story.id)) return withdrawnStory(story.id);
      return story.scope === "beyond" ? node : null;
    }
    if (!node.content) return node;
    return { ...node, content: node.content.map(visit).filter((n): n is DocJSON => n !== null) };
  };
  return visit(doc) ?? doc;
}
