import type { Editor } from "@tiptap/core";
import { BLOCK_LABELS, BLOCK_TYPES } from "../../modules/documents/vocabulary";
import { insertBlock } from "./insert-menu";

/** One choice of the slash menu: what it is called, other words people search it by, and what it does. */
export type SlashItem = { id: string; label: string; keywords: string; run: (editor: Editor) => void };

const TEXT_ITEMS: SlashItem[] = [
  {
    id: "heading",
    label: "Section heading",
    keywords: "h2 title section heading",
    run: (e) => e.chain().focus().setHeading({ level: 2 }).run(),
  },
  {
    id: "subheading",
    label: "Subheading",
    keywords: "h3 heading subheading",
    run: (e) => e.chain().focus().setHeading({ level: 3 }).run(),
  },
  {
    id: "bullets",
    label: "Bulleted list",
    keywords: "list bullets unordered",
    run: (e) => e.chain().focus().toggleBulletList().run(),
  },
  {
    id: "numbers",
    label: "Numbered list",
    keywords: "list numbers ordered",
    run: (e) => e.chain().focus().toggleOrderedList().run(),
  },
  { id: "quote", label: "Quote", keywords: "quote blockquote", run: (e) => e.chain().focus().toggleBlockquote().run() },
];

const BLOCK_KEYWORDS: Record<(typeof BLOCK_TYPES)[number], string> = {
  contentNote: "content note warning trigger sensitive",
  reflectionPrompt: "reflection journal question",
  knowledgeCheck: "knowledge check quiz question answers",
  scenario: "scenario situation role play",
  keyTakeaway: "key takeaway summary points",
  supportSignpost: "support signpost help resources",
  selfCarePlan: "self-care plan wellbeing boundaries journal",
  story: "story lived experience account testimony",
};

export const SLASH_ITEMS: SlashItem[] = [
  ...TEXT_ITEMS,
  ...BLOCK_TYPES.map((type) => ({
    id: type,
    label: BLOCK_LABELS[type],
    keywords: BLOCK_KEYWORDS[type],
    run: (e: Editor) => insertBlock(e, type, { replaceEmpty: true }),
  })),
];

/** The choices whose name or search words hold what was typed after the slash. */
export function slashMatches(query: string): SlashItem[] {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  return SLASH_ITEMS.filter((item) => {
    const haystack = `${item.label} ${item.keywords}`.toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
}
