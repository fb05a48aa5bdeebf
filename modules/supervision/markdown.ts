import type { Root, RootContent } from "mdast";
import remarkStringify from "remark-stringify";
import { unified } from "unified";
import type { SharedCopy, SharedSelfCarePlan } from "../../db/schema/supervision";
import { PLAN_PARTS } from "../self-care/index";

const writer = unified().use(remarkStringify, { bullet: "-", emphasis: "_" }).freeze();

const text = (value: string) => ({ type: "text" as const, value });
const heading = (depth: 1 | 2 | 3, value: string): RootContent => ({ type: "heading", depth, children: [text(value)] });

/** Paragraphs as the learner wrote them: blank lines split them, single line breaks stay breaks. */
function paragraphs(value: string): RootContent[] {
  return value
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => ({
      type: "paragraph",
      children: p.split("\n").flatMap((line, i) => (i === 0 ? [text(line)] : [{ type: "break" as const }, text(line)])),
    }));
}

/** The plan's parts the learner wrote, each under its own heading. */
function selfCarePlan(plan: SharedSelfCarePlan | undefined): RootContent[] {
  if (!plan) return [];
  return [
    heading(2, "My self-care plan"),
    ...PLAN_PARTS.filter((p) => plan[p.name]).flatMap((p) => [heading(3, p.label), ...paragraphs(plan[p.name])]),
  ];
}

/**
 * A supervision page as Markdown, built as a syntax tree and written by remark, which escapes what
 * the learner typed (a line starting with `#` or `-` stays their words, not a heading or a list).
 */
export function supervisionMarkdown(page: SharedCopy): string {
  const tree: Root = {
    type: "root",
    children: [
      heading(1, page.title),
      heading(2, "What I want to raise"),
      ...paragraphs(page.points),
      heading(2, "From my journal"),
      ...page.entries.flatMap((e) => [
        heading(3, e.prompt),
        ...(e.context
          ? [{ type: "paragraph", children: [{ type: "emphasis", children: [text(e.context)] }] } as RootContent]
          : []),
        ...paragraphs(e.body),
      ]),
      ...selfCarePlan(page.selfCarePlan),
    ],
  };
  return writer.stringify(tree);
}
