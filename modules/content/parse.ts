import type { JSONContent } from "@tiptap/core";
import type { RootContent, Yaml } from "mdast";
import type { Node } from "unist";
import { documentSchema } from "../documents/extensions";
import { type DocJSON, validateDoc } from "../documents/json";
import type { ModuleDetails } from "../workshop/schemas";
import { canonicalDoc } from "./canonical";
import { readFrontMatter } from "./front-matter";
import { assignIds } from "./ids";
import { type ImageLookup, imageNode, loneImage } from "./images";
import { isLoose } from "./list-spacing";
import { parseMarkdown } from "./markdown";
import { type FlowContext, trainingBlock } from "./parse-blocks";
import { inlineContent } from "./parse-inline";
import { type ContentError, Problems } from "./problems";

export type ModuleFile = { details: ModuleDetails; doc: DocJSON };
export type ParseResult = { ok: true; module: ModuleFile } | { ok: false; errors: ContentError[] };

/**
 * Reads a module file (YAML front matter, then Markdown with training-block directives) into the
 * module's details and its canonical Tiptap document. Every problem is reported, with its line.
 */
export function parseModuleFile(text: string, fileName: string, images?: ImageLookup): ParseResult {
  const problems = new Problems(fileName);
  const source = text.replace(/^\uFEFF/, "");
  const tree = parseMarkdown(source);
  const [first, ...rest] = tree.children;
  const frontMatter = first?.type === "yaml" ? (first as Yaml) : undefined;
  const details = readFrontMatter(frontMatter, problems);
  const body = frontMatter ? rest : tree.children;

  const ids = new Map<string, Node>();
  const ctx: FlowContext = {
    problems,
    source,
    fileName,
    images,
    flow: (nodes) => flow(nodes, ctx),
    claimId: (id, node) => {
      if (ids.has(id)) {
        problems.on(
          node,
          `The id "${id}" is already used on line ${ids.get(id)?.position?.start.line}: ids must be unique.`,
        );
      } else {
        ids.set(id, node);
      }
    },
  };
  const content: JSONContent[] = [];
  for (const node of body) {
    const json = flowNode(node, ctx);
    if (json && fitsSchema(json, node, problems)) content.push(json);
  }

  if (problems.count > 0 || !details) return { ok: false, errors: problems.sorted() };
  const withIds = assignIds(
    { type: "doc", content: content.length > 0 ? content : [{ type: "paragraph" }] },
    new Set(ids.keys()),
  );
  const doc = canonicalDoc(withIds);
  const valid = validateDoc(doc);
  if (!valid.ok) return { ok: false, errors: [{ file: fileName, line: 1, message: schemaMessage(valid.message) }] };
  return { ok: true, module: { details, doc } };
}

function fitsSchema(json: JSONContent, node: Node, problems: Problems): boolean {
  try {
    documentSchema.nodeFromJSON(json).check();
    return true;
  } catch (error) {
    problems.on(node, schemaMessage(error instanceof Error ? error.message : String(error)));
    return false;
  }
}

function schemaMessage(detail: string) {
  return `This part does not fit the module format (${detail}).`;
}

function flow(nodes: RootContent[], ctx: FlowContext): JSONContent[] {
  const out: JSONContent[] = [];
  for (const node of nodes) {
    const json = flowNode(node, ctx);
    if (json) out.push(json);
  }
  return out;
}

function flowNode(node: RootContent, ctx: FlowContext): JSONContent | null {
  const { problems } = ctx;
  switch (node.type) {
    case "paragraph": {
      // Colons followed by a backslash were escaped on purpose (`::\:`): that is text, not a block.
      if (/^:{2,}(?![:\\])/.test(ctx.source.slice(node.position?.start.offset ?? 0))) {
        problems.on(node, strayColons(ctx.source.slice(node.position?.start.offset ?? 0)));
        return null;
      }
      // An image on a line of its own, when the upload can carry its file (a zip in the browser).
      const image = ctx.images ? loneImage(node) : null;
      if (image && ctx.images) return imageNode(image, ctx.fileName, ctx.images, problems);
      const content = inlineContent(node.children, problems);
      return content.length > 0 ? { type: "paragraph", content } : null;
    }
    case "heading": {
      if (node.depth === 1) {
        problems.on(
          node,
          "Use ## for a section and ### for a heading inside it: the module's title goes in the front matter.",
        );
        return null;
      }
      if (node.depth > 3) {
        problems.on(node, "Headings go two levels deep: ## starts a section, ### is a heading inside it.");
        return null;
      }
      return { type: "heading", attrs: { level: node.depth }, content: inlineContent(node.children, problems) };
    }
    case "list": {
      const items = node.children.map((item) => {
        if (typeof item.checked === "boolean") {
          problems.on(item, "Tick boxes ([x] and [ ]) belong only in the options of a knowledge check.");
        }
        const content = flow(item.children, ctx);
        // A list item always starts with a paragraph in the editor, even an empty one.
        if (content[0]?.type !== "paragraph") content.unshift({ type: "paragraph" });
        return { type: "listItem", content };
      });
      const loose = isLoose(node);
      return node.ordered
        ? { type: "orderedList", attrs: { start: node.start ?? 1, loose }, content: items }
        : { type: "bulletList", attrs: { loose }, content: items };
    }
    case "blockquote": {
      const content = flow(node.children, ctx);
      return { type: "blockquote", content: content.length > 0 ? content : [{ type: "paragraph" }] };
    }
    case "containerDirective":
    case "leafDirective":
      return trainingBlock(node, ctx);
    case "thematicBreak":
      problems.on(node, "Lines across the page (---, ***) are not used: start a new section with ## instead.");
      return null;
    case "code":
      problems.on(
        node,
        "This is read as code (text fenced with ``` or indented by four spaces), which is not part of the module format: remove the fence or the indent.",
      );
      return null;
    case "html":
      problems.on(
        node,
        "HTML is not allowed in a module file (this includes <!-- comments -->): use Markdown for formatting.",
      );
      return null;
    case "definition":
      problems.on(node, "Link definitions ([name]: address) are not supported: write the address in the link itself.");
      return null;
    case "yaml":
      problems.on(node, "Front matter (between --- lines) can only come at the very start of the file.");
      return null;
    default:
      problems.on(node, `This kind of content (${node.type}) is not part of the module format.`);
      return null;
  }
}

/** Colons that start a line but make no block: a stray closing line, or a space after the colons. */
function strayColons(from: string): string {
  const line = from.split("\n")[0]?.trim() ?? "";
  if (/^:+$/.test(line)) {
    return "This line of colons closes no block: remove it, or check that the block above starts with a name, like :::reflection.";
  }
  return `"${line}" is not a block: write the block's name straight after the colons, with no space, like :::reflection.`;
}
