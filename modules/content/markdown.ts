import type { Emphasis, Root, Strong } from "mdast";
import { directiveFromMarkdown, directiveToMarkdown } from "mdast-util-directive";
import { gfmTaskListItemFromMarkdown, gfmTaskListItemToMarkdown } from "mdast-util-gfm-task-list-item";
import { directive } from "micromark-extension-directive";
import { gfmTaskListItem } from "micromark-extension-gfm-task-list-item";
import remarkFrontmatter from "remark-frontmatter";
import remarkParse from "remark-parse";
import remarkStringify, { type Options as StringifyOptions } from "remark-stringify";
import { type Data, type Processor, unified } from "unified";
import { tightListItems } from "./list-spacing";

/** Typed from the processor's own data, as several copies of the micromark types are installed. */
type Extensions = Required<Data>;
type Syntax = {
  micromark: Extensions["micromarkExtensions"][number];
  fromMarkdown: Extensions["fromMarkdownExtensions"][number];
  toMarkdown: Extensions["toMarkdownExtensions"][number];
};

/** Registers a syntax extension with the parser and the serializer, the way remark plugins do. */
function addSyntax(processor: Processor, syntax: Syntax) {
  const data = processor.data();
  data.micromarkExtensions = [...(data.micromarkExtensions ?? []), syntax.micromark];
  data.fromMarkdownExtensions = [...(data.fromMarkdownExtensions ?? []), syntax.fromMarkdown];
  data.toMarkdownExtensions = [...(data.toMarkdownExtensions ?? []), syntax.toMarkdown];
}

/**
 * Block directives only (`:::name` and `::name`). Inline `:name` directives are left out on purpose:
 * ordinary prose such as "11:30pm" or "mailto:" would otherwise turn into directives, and the
 * module format has no inline blocks.
 */
function blockDirectives(this: Processor) {
  const toMarkdown = directiveToMarkdown();
  addSyntax(this, {
    micromark: { flow: directive().flow },
    fromMarkdown: directiveFromMarkdown({ verbose: true }),
    toMarkdown: {
      ...toMarkdown,
      unsafe: [
        // Without inline directives, a colon inside a sentence is plain text and needs no escaping.
        ...(toMarkdown.unsafe ?? []).filter(
          (p) => !p.inConstruct?.includes("phrasing") && !(p.atBreak && p.character === ":"),
        ),
        // Text starting a line with colons is escaped at its first colon (`\:::`), as authors escape `\#`.
        { atBreak: true, character: ":", after: ":" },
      ],
    },
  });
}

/** `- [x]` / `- [ ]` list items, for the options of a knowledge check (GitHub's task list syntax). */
function taskListItems(this: Processor) {
  addSyntax(this, {
    micromark: gfmTaskListItem(),
    fromMarkdown: gfmTaskListItemFromMarkdown(),
    toMarkdown: gfmTaskListItemToMarkdown(),
  });
}

declare module "mdast" {
  interface EmphasisData {
    /** Set when `*` alone cannot write this emphasis so that it reads back as written. */
    underscores?: boolean;
  }
  interface StrongData {
    underscores?: boolean;
  }
}

type Handler = NonNullable<NonNullable<StringifyOptions["handlers"]>["emphasis"]>;

/**
 * Emphasis written with the markers the format shows authors, `*italic*` and `**bold**`, also where
 * runs of stars touch (`***both***`, `**bold***italic*`). The writer's default switches to `_` there,
 * which authors did not write. `_` stays available to emphasis marked as needing it, for the few
 * places where CommonMark's rules for runs of stars do not let `*` open or close.
 */
function starEmphasis(construct: "emphasis" | "strong", size: number): Handler {
  // Emphasis is written by its parent's phrasing, which asks `attention` which markers it may use.
  const handle: Handler = (node, _parent, state, info) =>
    state.containerPhrasing({ type: "paragraph", children: [node] }, info);
  return Object.assign(handle, {
    attention: (node: Emphasis | Strong) => ({
      construct,
      markers: node.data?.underscores ? ["*", "_"] : ["*"],
      sizes: [size],
    }),
    peek: () => "*",
  });
}

const processor = unified()
  .use(remarkParse)
  .use(remarkFrontmatter, ["yaml"])
  .use(blockDirectives)
  .use(taskListItems)
  .use(remarkStringify, {
    bullet: "-",
    emphasis: "*",
    strong: "*",
    listItemIndent: "one",
    incrementListMarker: true,
    rule: "-",
    handlers: { emphasis: starEmphasis("emphasis", 1), strong: starEmphasis("strong", 2) },
    join: [tightListItems],
  })
  .freeze();

export function parseMarkdown(text: string): Root {
  return processor.parse(text);
}

export function stringifyMarkdown(tree: Root): string {
  return processor.stringify(tree);
}
