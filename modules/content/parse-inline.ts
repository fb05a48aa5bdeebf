import type { JSONContent } from "@tiptap/core";
import type { PhrasingContent } from "mdast";
import { isAllowedLink } from "../documents/links";
import type { Problems } from "./problems";

type Mark = { type: string; attrs?: Record<string, unknown> };

/**
 * Markdown's nested emphasis becomes ProseMirror's flat list of marks on each run of text. Mark
 * order does not matter here: canonicalising the document sorts marks the way the editor does.
 */
export function inlineContent(nodes: PhrasingContent[], problems: Problems, marks: Mark[] = []): JSONContent[] {
  const out: JSONContent[] = [];
  const withMarks = marks.length > 0 ? { marks } : {};
  for (const node of nodes) {
    switch (node.type) {
      case "text": {
        // A single line ending inside a paragraph is a soft break: it reads as a space.
        const text = node.value.replace(/[ \t]*\r?\n[ \t]*/g, " ");
        if (text) out.push({ type: "text", text, ...withMarks });
        break;
      }
      case "strong":
        out.push(...inlineContent(node.children, problems, [...marks, { type: "bold" }]));
        break;
      case "emphasis":
        out.push(...inlineContent(node.children, problems, [...marks, { type: "italic" }]));
        break;
      case "link": {
        if (!isAllowedLink(node.url)) {
          problems.on(
            node,
            `The link address "${node.url}" is not allowed: a link must start with https://, http://, mailto: or tel:.`,
          );
          break;
        }
        const link = { type: "link", attrs: { href: node.url, title: node.title ?? null } };
        const content = inlineContent(node.children, problems, [...marks, link]);
        if (content.length === 0) problems.on(node, "This link has no words to click: write it as [words](address).");
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
