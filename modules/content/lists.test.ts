import type { JSONContent } from "@tiptap/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jsonToYDoc, yDocToJSON } from "../collaboration/ydoc";
import { validateDoc } from "../documents/json";
import { renderDocumentHTML } from "../documents/render";
import { doc, p, text } from "../testing/documents";
import type { ModuleDetails } from "../workshop/schemas";
import { canonicalDoc } from "./canonical";
import { parseModuleFile } from "./parse";
import { serializeModule } from "./serialize";

const details: ModuleDetails = {
  title: "Lists",
  topic: "boundaries",
  customTopic: "",
  summary: "",
  estimatedMinutes: 5,
};

const item = (...content: JSONContent[]): JSONContent => ({ type: "listItem", content });
const bullets = (loose: boolean, ...items: JSONContent[]): JSONContent => ({
  type: "bulletList",
  attrs: { loose },
  content: items,
});
const numbers = (loose: boolean, start: number, ...items: JSONContent[]): JSONContent => ({
  type: "orderedList",
  attrs: { start, type: null, loose },
  content: items,
});

function roundTrip(json: JSONContent) {
  const file = serializeModule({ details, doc: json });
  const parsed = parseModuleFile(file, "lists.md");
  if (!parsed.ok) throw new Error(`${file}\n${JSON.stringify(parsed.errors, null, 2)}`);
  return { body: file.split("---\n")[2]?.trim(), doc: parsed.module.doc };
}

/** Each list's setting, in document order. */
function looseness(node: JSONContent): boolean[] {
  const own = node.type === "bulletList" || node.type === "orderedList" ? [node.attrs?.loose === true] : [];
  return [...own, ...(node.content ?? []).flatMap(looseness)];
}

describe("loose and tight lists", () => {
  it("keeps a loose list loose and a tight one tight, each at its own level", () => {
    const json = doc(
      bullets(true, item(p(text("a")), numbers(false, 1, item(p(text("x"))), item(p(text("y"))))), item(p(text("b")))),
      numbers(false, 3, item(p(text("c")), bullets(true, item(p(text("z"))), item(p(text("w"))))), item(p(text("d")))),
    );
    const result = roundTrip(json);
    expect(result.body).toBe("- a\n  1. x\n  2. y\n\n- b\n\n3. c\n   - z\n\n   - w\n4. d");
    expect(result.doc).toEqual(canonicalDoc(json));
  });

  it("reads lists without the setting as tight, as documents made before it were", () => {
    const json = doc({ type: "bulletList", content: [item(p(text("a"))), item(p(text("b")))] });
    expect(canonicalDoc(json).content?.[0]?.attrs).toEqual({ loose: false });
    expect(roundTrip(json).body).toBe("- a\n- b");
  });

  it("gives back any nesting of loose and tight lists of paragraphs and quotes", () => {
    const paragraph = fc.constantFrom("a", "b c", "d").map((words) => p(text(words)));
    const quote = paragraph.map((inner) => ({ type: "blockquote", content: [inner] }));
    const list: fc.Memo<JSONContent> = fc.memo((depth) => {
      const block = depth > 1 ? fc.oneof(paragraph, quote, list(depth - 1)) : fc.oneof(paragraph, quote);
      const listItem = fc
        .tuple(paragraph, fc.array(block, { maxLength: 2 }))
        .map(([first, rest]) => item(first, ...rest));
      // Two items at least: a single item of one paragraph has no blank line to be loose with.
      const items = fc.array(listItem, { minLength: 2, maxLength: 3 });
      return fc.oneof(
        fc.tuple(fc.boolean(), items).map(([loose, content]) => bullets(loose, ...content)),
        fc
          .tuple(fc.boolean(), fc.constantFrom(1, 3), items)
          .map(([loose, start, content]) => numbers(loose, start, ...content)),
      );
    });
    fc.assert(
      fc.property(list(3), (generated) => {
        const json = doc(generated);
        const result = roundTrip(json);
        expect(looseness(result.doc)).toEqual(looseness(json));
        expect(result.doc).toEqual(canonicalDoc(json));
      }),
      { numRuns: 150 },
    );
  });

  it("is a setting the editor's collaborative document and the learner's page both carry", () => {
    const json = canonicalDoc(doc(bullets(true, item(p(text("a"))), item(p(text("b")))), bullets(false, item(p()))));
    expect(validateDoc(json)).toEqual({ ok: true });
    expect(canonicalDoc(yDocToJSON(jsonToYDoc(json)))).toEqual(json);
    const html = renderDocumentHTML(json);
    expect(html).toContain('<ul data-loose="true"><li><p>a</p></li>');
    expect(html).toContain("<ul><li><p></p></li></ul>");
  });
});
