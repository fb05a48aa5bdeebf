import type { JSONContent } from "@tiptap/core";
import type { BlockContent, ListItem, Paragraph, Root, RootContent } from "mdast";
import type { ContainerDirective } from "mdast-util-directive";
import { childOf, childrenOf } from "../documents/sections";
import { canonicalDoc } from "./canonical";
import { DIRECTIVE_FOR_BLOCK } from "./format";
import { writeFrontMatter } from "./front-matter";
import { assignIds } from "./ids";
import { DECORATIVE_TITLE, imageFileName } from "./images";
import { stringifyMarkdown } from "./markdown";
import type { ModuleFile } from "./parse";
import { phrasing } from "./serialize-inline";

/**
 * Writes a module as a content file. Reading the file back gives the same document, except for what
 * a file does not carry: comment anchors, empty paragraphs, line breaks at the very end of a line of
 * text (and marks on a break that the text on both sides does not share), and the looseness of a
 * list with one item of text only. Blocks without ids get them, so a file always names its blocks.
 */
export function serializeModule({ details, doc }: ModuleFile): string {
  const canonical = canonicalDoc(doc);
  const withIds = assignIds(canonical, new Set(existingIds(canonical)));
  const root: Root = {
    type: "root",
    children: [{ type: "yaml", value: writeFrontMatter(details) }, ...blocks(withIds.content)],
  };
  return stringifyMarkdown(root);
}

function existingIds(node: JSONContent): string[] {
  const own = typeof node.attrs?.id === "string" ? [node.attrs.id] : [];
  return [...own, ...(node.content ?? []).flatMap(existingIds)];
}

function blocks(nodes: JSONContent[] = []): RootContent[] {
  return nodes.flatMap((node) => {
    const block = blockFor(node);
    return block ? [block] : [];
  });
}

function paragraph(content: JSONContent[] | undefined): Paragraph {
  return { type: "paragraph", children: phrasing(content) };
}

/** A text part (a question, an option's feedback…) as a paragraph, or nothing when it is empty. */
function textPart(node: JSONContent | undefined): Paragraph[] {
  const p = paragraph(node?.content);
  return p.children.length > 0 ? [p] : [];
}

function directive(
  type: keyof typeof DIRECTIVE_FOR_BLOCK,
  attributes: Record<string, string>,
  children: RootContent[],
) {
  return {
    type: "containerDirective",
    name: DIRECTIVE_FOR_BLOCK[type],
    attributes,
    children: children as ContainerDirective["children"],
  } satisfies ContainerDirective;
}

/** Two-paragraph list items (option + feedback, response + discussion), a blank line between items. */
function explainedList(items: { checked?: boolean; text?: JSONContent; explanation?: JSONContent }[]): RootContent {
  return {
    type: "list",
    ordered: false,
    spread: true,
    children: items.map(
      (item): ListItem => ({
        type: "listItem",
        spread: false,
        ...(item.checked === undefined ? {} : { checked: item.checked }),
        children: [paragraph(item.text?.content), ...textPart(item.explanation)],
      }),
    ),
  };
}

function blockFor(node: JSONContent): RootContent | null {
  const attrs = node.attrs ?? {};
  switch (node.type) {
    case "paragraph": {
      const p = paragraph(node.content);
      return p.children.length > 0 ? p : null;
    }
    case "heading":
      return { type: "heading", depth: attrs.level === 3 ? 3 : 2, children: phrasing(node.content) };
    case "bulletList":
    case "orderedList": {
      // A loose list has blank lines between its items; with only one item, between its blocks.
      const loose = attrs.loose === true;
      const items = node.content ?? [];
      return {
        type: "list",
        ordered: node.type === "orderedList",
        ...(node.type === "orderedList" ? { start: Number(attrs.start ?? 1) } : {}),
        spread: loose,
        children: items.map(
          (item): ListItem => ({
            type: "listItem",
            spread: loose && items.length === 1,
            children: blocks(item.content) as BlockContent[],
          }),
        ),
      };
    }
    case "blockquote":
      return { type: "blockquote", children: blocks(node.content) as BlockContent[] };
    case "contentNote": {
      const topics = (attrs.topics as string[] | undefined) ?? [];
      const custom = String(attrs.customTopic ?? "");
      return directive(
        "contentNote",
        { topics: topics.join(","), ...(topics.includes("custom") && custom ? { custom } : {}) },
        textPart(node),
      );
    }
    case "reflectionPrompt":
      return directive("reflectionPrompt", { id: String(attrs.id) }, textPart(node));
    case "knowledgeCheck": {
      const options = childrenOf(node, "checkOption");
      return directive(
        "knowledgeCheck",
        {
          id: String(attrs.id),
          ...(attrs.multiple ? { multiple: "" } : {}),
          options: options.map((o) => String(o.attrs?.id)).join(" "),
        },
        [
          ...textPart(childOf(node, "checkQuestion")),
          explainedList(
            options.map((o) => ({
              checked: o.attrs?.correct === true,
              text: childOf(o, "optionText"),
              explanation: childOf(o, "optionFeedback"),
            })),
          ),
        ],
      );
    }
    case "scenario": {
      const responses = childrenOf(node, "scenarioResponse");
      return directive(
        "scenario",
        { id: String(attrs.id), responses: responses.map((r) => String(r.attrs?.id)).join(" ") },
        [
          ...textPart(childOf(node, "scenarioSituation")),
          explainedList(
            responses.map((r) => ({ text: childOf(r, "responseText"), explanation: childOf(r, "responseDiscussion") })),
          ),
        ],
      );
    }
    case "keyTakeaway":
      return directive("keyTakeaway", {}, blocks(node.content));
    case "supportSignpost":
      return directive("supportSignpost", {}, textPart(node));
    case "selfCarePlan":
      return directive("selfCarePlan", {}, textPart(node));
    case "story":
      // A withdrawn story is written as withdrawn, and nothing of it (not even who told it) goes in.
      if (attrs.withdrawn) return directive("story", { id: String(attrs.id), withdrawn: "" }, []);
      return directive(
        "story",
        {
          id: String(attrs.id),
          ...(attrs.storyteller ? { storyteller: String(attrs.storyteller) } : {}),
          credit: String(attrs.credit ?? "named"),
          ...(attrs.scope ? { scope: String(attrs.scope) } : {}),
          ...(attrs.reviewOn ? { review: String(attrs.reviewOn) } : {}),
        },
        blocks(node.content),
      );
    case "image": {
      // The picture travels beside the file, in the zip download: images/<id>.webp.
      const decorative = attrs.decorative === true;
      return {
        type: "paragraph",
        children: [
          {
            type: "image",
            url: imageFileName(String(attrs.imageId)),
            alt: decorative ? "" : String(attrs.alt ?? ""),
            ...(decorative ? { title: DECORATIVE_TITLE } : {}),
          },
        ],
      };
    }
    default:
      throw new Error(`No file format for the node "${node.type}"`);
  }
}
