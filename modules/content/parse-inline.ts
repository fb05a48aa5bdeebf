import type { JSONContent } from "@tiptap/core";
import type { Mark } from "@tiptap/pm/model";
import type { PhrasingContent } from "mdast";
import { documentSchema } from "../documents/extensions";
import { isAllowedLink } from "../documents/links";
import { canonicalBreaks } from "./line-breaks";
import type { Problems } from "./problems";

/**
 * Markdown's nested emphasis becomes ProseMirror's flat set of marks on each run of text. Markdown
 * may nest emphasis in emphasis (`*a *b* c*`) but a run of text is italic or not, so marks are added
 * by the schema's own rule: a mark already there is kept once, and a link inside a link replaces it.
 */
export function inlineContent(nodes: PhrasingContent[], problems: Problems): JSONContent[] {
  return canonicalBreaks(inline(nodes, problems, []));
}

function inline(nodes: PhrasingContent[], problems: Problems, marks: readonly Mark[]): JSONContent[] {
  const out: JSONContent[] = [];
  const withMarks = marks.length > 0 ? { marks: marks.map((m) => m.toJSON()) } : {};
  const adding = (type: string, attrs?: Record<string, unknown>) => documentSchema.mark(type, attrs).addToSet(marks);
  for (const node of nodes) {
    switch (node.type) {
      case "text": {
        // A single line ending inside a paragraph is a soft break: it reads as a space.
        const text = node.value.replace(/[ \t]*\r?\n[ \t]*/g, " ");
        if (text) out.push({ type: "text", text, ...withMarks });
        break;
      }
      case "strong":
        out.push(...inline(node.children, problems, adding("bold")));
        break;
      case "emphasis":
        out.push(...inline(node.children, problems, adding("italic")));
        break;
      case "link": {
        if (!isAllowedLink(node.url)) {
          problems.on(
            node,
            `The link address "${node.url}" is not allowed: a link must start with https://, http://, mailto: or tel:, or be a page of Alongside such as /learn/supervision.`,
          );
          break;
        }
        const link = adding("link", { href: node.url, title: node.title ?? null });
        const content = inline(node.children, problems, link);
        if (!content.some((n) => n.type === "text")) {
          problems.on(node, "This link has no words to click: write it as [words](address).");
        }
        out.push(...content);
        break;
      }
      case "break":
        out.push({ type: "hardBreak", ...withMarks });
        break;
      case "inlineCode":
        problems.on(node, "Code (text between `backticks`) is not part of the module format: remove the backticks.");
        break;
      case "html":
        problems.on(
          node,
          "HTML is not allowed in a module file (this includes <!-- comments -->). Use Markdown: **bold**, *italic*, [link](https://…).",
        );
        break;
      case "image":
      case "imageReference":
        problems.on(node, "Images are not supported in module files.");
        break;
      case "linkReference":
        problems.on(
          node,
          "Reference links like [words][name] are not supported: write the address in place, [words](https://…).",
        );
        break;
      default:
        problems.on(node, `This kind of inline content (${node.type}) is not part of the module format.`);
    }
  }
  return out;
}
