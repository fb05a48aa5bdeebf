import { documentSchema } from "../documents/extensions";
import { withoutNamingIds } from "../documents/facts";
import type { DocJSON } from "../documents/json";
import { childOf, childrenOf, textOf } from "../documents/sections";
import { BLOCK_LABELS, type BlockType, CONTENT_NOTE_LABELS, type ContentNoteTopic } from "../documents/vocabulary";

/**
 * A block of a module as a co-designer reads it, part by part, so that two versions can be compared
 * on what people actually change: the words of each part and each setting (the correct answer, a
 * content note's topics, a heading's level…).
 */
export type FieldView =
  | { kind: "words"; key: string; label: string | null; value: string }
  | { kind: "setting"; key: string; label: string; value: string; showUnchanged: boolean }
  | { kind: "list"; key: string; label: string; items: string[] };

export type BlockView = {
  type: string;
  label: string;
  fields: FieldView[];
  /** The block exactly as the revision hash sees it: two blocks are the same only when these match. */
  json: string;
  /** The same without block ids, to tell "replaced by a copy" from other invisible changes. */
  jsonWithoutIds: string;
};

const RICH_LABELS: Record<string, string> = {
  paragraph: "Paragraph",
  heading: "Heading",
  bulletList: "List",
  orderedList: "Numbered list",
  blockquote: "Quote",
};

const HEADING_LEVELS: Record<number, string> = {
  2: "Section heading (starts a step for learners)",
  3: "Sub-heading",
};

const NUMBERING_STYLES: Record<string, string> = {
  "1": "1, 2, 3",
  a: "a, b, c",
  A: "A, B, C",
  i: "i, ii, iii",
  I: "I, II, III",
};

/** Comments are part of writing, not of the content: their anchors are never a difference. */
function withoutComments(node: DocJSON): DocJSON {
  const { marks, content, ...rest } = node;
  const kept = marks?.filter((m) => m.type !== "comment");
  return {
    ...rest,
    ...(kept && kept.length > 0 ? { marks: kept } : {}),
    ...(content ? { content: content.map(withoutComments) } : {}),
  };
}

function withoutIds(node: DocJSON): DocJSON {
  const { attrs, content, ...rest } = node;
  const { id: _id, ...kept } = attrs ?? {};
  return {
    ...rest,
    ...(attrs ? { attrs: kept } : {}),
    ...(content ? { content: content.map(withoutIds) } : {}),
  };
}

/**
 * The document in its canonical form (every attribute present, adjacent text of the same formatting
 * merged), with comment anchors removed first so that an anchor never splits a run of text.
 */
export function canonicalBlocks(doc: DocJSON): DocJSON[] {
  const stripped = withoutComments(doc);
  try {
    return withoutNamingIds(documentSchema.nodeFromJSON(stripped).toJSON() as DocJSON).content ?? [];
  } catch {
    return stripped.content ?? [];
  }
}

const letter = (index: number) => String.fromCharCode(65 + index);

function listOf(values: string[]): string {
  if (values.length <= 1) return values[0] ?? "";
  return `${values.slice(0, -1).join(", ")} and ${values[values.length - 1]}`;
}

function words(key: string, label: string | null, node: DocJSON | undefined): FieldView {
  return { kind: "words", key, label, value: node ? textOf(node).trim() : "" };
}

function setting(key: string, label: string, value: string, showUnchanged = true): FieldView {
  return { kind: "setting", key, label, value, showUnchanged };
}

/** Bold, italic and links, each as "Bold: “words”", so a change of formatting alone is visible too. */
function formatting(node: DocJSON): FieldView | null {
  const items: string[] = [];
  const itemFor = (mark: NonNullable<DocJSON["marks"]>[number], text: string) => {
    if (mark.type === "bold") return `Bold: “${text}”`;
    if (mark.type === "italic") return `Italic: “${text}”`;
    if (mark.type === "link") return `Link: “${text}” to ${String(mark.attrs?.href ?? "")}`;
    return `${mark.type}: “${text}”`;
  };
  const walk = (parent: DocJSON) => {
    const children = parent.content ?? [];
    if (!children.some((c) => c.type === "text" || c.type === "hardBreak")) {
      children.forEach(walk);
      return;
    }
    // A run of one mark spans consecutive text nodes that all carry it (bold across an italic word).
    const open = new Map<string, { mark: NonNullable<DocJSON["marks"]>[number]; text: string }>();
    const close = (key: string) => {
      const run = open.get(key);
      if (run?.text.trim()) items.push(itemFor(run.mark, run.text.trim()));
      open.delete(key);
    };
    for (const child of children) {
      const text = child.type === "hardBreak" ? " " : (child.text ?? "");
      const keys = new Set<string>();
      for (const mark of child.marks ?? []) {
        const key = JSON.stringify([mark.type, mark.attrs ?? null]);
        keys.add(key);
        const run = open.get(key);
        if (run) run.text += text;
        else open.set(key, { mark, text });
      }
      for (const key of [...open.keys()]) if (!keys.has(key)) close(key);
    }
    for (const key of [...open.keys()]) close(key);
  };
  walk(node);
  return items.length > 0 ? { kind: "list", key: "formatting", label: "Formatting", items } : null;
}

function knowledgeCheckFields(node: DocJSON): FieldView[] {
  const options = childrenOf(node, "checkOption");
  const multiple = node.attrs?.multiple === true;
  const correct = options.flatMap((o, i) => (o.attrs?.correct === true ? [letter(i)] : []));
  return [
    words("question", "Question", childOf(node, "checkQuestion")),
    setting("multiple", "Learners choose", multiple ? "One or more answers" : "One answer"),
    setting(
      "correct",
      multiple ? "Correct answers" : "Correct answer",
      correct.length > 0 ? listOf(correct) : "None marked",
    ),
    ...options.flatMap((o, i) => [
      words(`option-${i}`, `Answer ${letter(i)}`, childOf(o, "optionText")),
      words(`feedback-${i}`, `Feedback on ${letter(i)}`, childOf(o, "optionFeedback")),
    ]),
  ];
}

function scenarioFields(node: DocJSON): FieldView[] {
  return [
    words("situation", "Situation", childOf(node, "scenarioSituation")),
    ...childrenOf(node, "scenarioResponse").flatMap((r, i) => [
      words(`response-${i}`, `Response ${i + 1}`, childOf(r, "responseText")),
      words(`discussion-${i}`, `Discussion of response ${i + 1}`, childOf(r, "responseDiscussion")),
    ]),
  ];
}

function contentNoteFields(node: DocJSON): FieldView[] {
  const topics = ((node.attrs?.topics as string[] | undefined) ?? []).map(
    (t) => CONTENT_NOTE_LABELS[t as ContentNoteTopic] ?? t,
  );
  const custom = String(node.attrs?.customTopic ?? "");
  return [
    setting("topics", "Topics", topics.length > 0 ? topics.join(", ") : "None chosen"),
    ...(custom ? [{ kind: "words", key: "customTopic", label: "Other topic", value: custom } as const] : []),
    words("note", "Note", node),
  ];
}

function richFields(node: DocJSON): FieldView[] {
  const fields: FieldView[] = [words("text", null, node)];
  if (node.type === "heading") {
    const level = Number(node.attrs?.level);
    fields.push(setting("level", "Kind of heading", HEADING_LEVELS[level] ?? `Level ${level}`, false));
  }
  if (node.type === "orderedList") {
    fields.push(setting("start", "Numbering starts at", String(node.attrs?.start ?? 1), false));
    const style = String(node.attrs?.type ?? "1");
    fields.push(setting("style", "Numbering", NUMBERING_STYLES[style] ?? style, false));
  }
  return fields;
}

function fieldsOf(node: DocJSON): FieldView[] {
  switch (node.type) {
    case "knowledgeCheck":
      return knowledgeCheckFields(node);
    case "scenario":
      return scenarioFields(node);
    case "contentNote":
      return contentNoteFields(node);
    default:
      return richFields(node);
  }
}

function labelOf(node: DocJSON): string {
  const type = String(node.type);
  if (type === "paragraph" && textOf(node).trim() === "") return "Blank line";
  return BLOCK_LABELS[type as BlockType] ?? RICH_LABELS[type] ?? type;
}

export function blockView(node: DocJSON): BlockView {
  const format = formatting(node);
  return {
    type: String(node.type),
    label: labelOf(node),
    fields: format ? [...fieldsOf(node), format] : fieldsOf(node),
    json: JSON.stringify(node),
    jsonWithoutIds: JSON.stringify(withoutIds(node)),
  };
}
