import type { JSONContent } from "@tiptap/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { documentSchema } from "../documents/extensions";
import { type DocJSON, EMPTY_DOC, validateDoc } from "../documents/json";
import { findNodes } from "../documents/sections";
import { BLOCK_TYPES } from "../documents/vocabulary";
import { bold, br, comment, doc, everything, italic, link, option, p, part, text } from "../testing/documents";
import type { ModuleDetails } from "../workshop/schemas";
import { canonicalDoc } from "./canonical";
import { parseModuleFile } from "./parse";
import { serializeModule } from "./serialize";
import { listStarterModules } from "./starter";

const details: ModuleDetails = {
  title: "Round trip",
  topic: "boundaries",
  customTopic: "",
  summary: "Every block and every mark.",
  estimatedMinutes: 25,
};

function roundTrip(json: DocJSON, moduleDetails: ModuleDetails = details) {
  const file = serializeModule({ details: moduleDetails, doc: json });
  // The images travel beside the file, as in a zip download: each found again by its path.
  const parsed = parseModuleFile(file, "round-trip.md", (pathInZip) => {
    const image = findNodes(json, "image").find((n) => `images/${n.attrs?.imageId}.webp` === pathInZip);
    return image ? { imageId: image.attrs?.imageId, width: image.attrs?.width, height: image.attrs?.height } : null;
  });
  if (!parsed.ok) throw new Error(`${file}\n${JSON.stringify(parsed.errors, null, 2)}`);
  return { file, ...parsed.module };
}

function allTypes(json: JSONContent, nodes = new Set<string>(), marks = new Set<string>()) {
  if (json.type) nodes.add(json.type);
  for (const mark of json.marks ?? []) marks.add(mark.type);
  for (const child of json.content ?? []) allTypes(child, nodes, marks);
  return { nodes, marks };
}

describe("JSON → file → JSON", () => {
  it("the fixture covers every node type, every mark and every training block", () => {
    const { nodes, marks } = allTypes(everything);
    expect([...nodes].sort()).toEqual(Object.keys(documentSchema.nodes).sort());
    // Comments and suggestions are part of writing together, never of a content file (a draft is
    // exported with its suggestions rejected).
    const writingOnly = ["comment", "deletion", "insertion", "modification"];
    expect([...marks, ...writingOnly].sort()).toEqual(Object.keys(documentSchema.marks).sort());
    for (const block of BLOCK_TYPES) expect(nodes).toContain(block);
    expect(validateDoc(everything)).toEqual({ ok: true });
  });

  it("gives back exactly the canonical document, with the details", () => {
    const result = roundTrip(everything);
    expect(result.doc).toEqual(canonicalDoc(everything));
    expect(result.details).toEqual(details);
    expect(validateDoc(result.doc)).toEqual({ ok: true });
  });

  it("accepts the document in the form the Yjs transformer gives it (empty attrs on marks)", () => {
    const withEmptyAttrs = JSON.parse(
      JSON.stringify(everything).replace(/\{"type":"(bold|italic)"\}/g, '{"type":"$1","attrs":{}}'),
    ) as DocJSON;
    expect(roundTrip(withEmptyAttrs).doc).toEqual(canonicalDoc(everything));
  });

  it("keeps custom module topics", () => {
    const custom: ModuleDetails = { ...details, topic: "other", customTopic: "Working with families" };
    expect(roundTrip(everything, custom).details).toEqual(custom);
  });

  it.each([
    ["overlapping bold and italic", [text("a", bold), text("b", bold, italic), text("c", italic)]],
    ["italic then bold, touching", [text("a", italic), text("b", bold)]],
    ["bold then italic, touching", [text("a", bold), text("b", italic)]],
    ["emphasis inside a word", [text("un"), text("believ", italic), text("able")]],
    ["bold around punctuation", [text("say"), text('"no"', bold), text("kindly")]],
    ["bold ending in a space", [text("bold ", bold), text("plain")]],
    ["bold spanning a link", [text("a ", bold), text("b", bold, link("https://example.org")), text(" c", bold)]],
    ["two links side by side", [text("one", link("https://a.example")), text("two", link("https://b.example"))]],
    ["a link whose text is its address", [text("https://example.org", link("https://example.org"))]],
    ["Markdown characters as text", [text("*stars* _under_ `tick` [x] <b> &amp; \\ # 1. > :::")]],
    ["a line that looks like a heading", [text("# not a heading")]],
    ["a line that looks like a list", [text("- not a list")]],
    ["a line that looks like a numbered list", [text("1. not a list")]],
    ["a line that looks like a block", [text("::support")]],
    ["a tick box that is just text", [text("[x] not a tick box")]],
    ["colons in prose", [text("At 11:30pm, mailto:someone and tel:999 stay text.")]],
    ["spaces at the edges", [text("  spaced out  ")]],
    ["leading and repeated hard breaks", [br(), text("a"), br(), br(), text("b")]],
    ["a hard break inside bold", [text("a", bold), br(bold), text("b", bold)]],
    ["unicode", [text("Café — “quotes” ’ … 😊")]],
  ])("inline content: %s", (_name, content) => {
    const json = doc(p(...content), {
      type: "knowledgeCheck",
      attrs: { id: "c", multiple: false },
      content: [
        part("checkQuestion", ...content),
        option("c-a", true, "A", content),
        option("c-b", false, "B", [text("No.")]),
      ],
    });
    expect(roundTrip(json).doc).toEqual(canonicalDoc(json));
  });

  const body = (file: string) => file.split("---\n")[2]?.trim();

  it.each([
    ["bold and italic on the same words", [text("both", bold, italic)], "***both***"],
    ["bold then italic, touching", [text("a", bold), text("b", italic)], "**a***b*"],
    ["italic then bold, touching", [text("a", italic), text("b", bold)], "*a***b**"],
    ["italic at the end of bold", [text("a ", bold), text("b", bold, italic)], "**a *b***"],
    ["bold at the start of italic", [text("a", bold, italic), text(" b", italic)], "***a** b*"],
  ])("writes emphasis with stars, as the format shows it: %s", (_name, content, written) => {
    const result = roundTrip(doc(p(...content)));
    expect(body(result.file)).toBe(written);
    expect(result.doc).toEqual(canonicalDoc(doc(p(...content))));
  });

  it("falls back to underscores only where stars cannot be read back", () => {
    // CommonMark cannot open ** between a letter and a comma: **a***,**. reads as something else.
    const content = [text("a", italic), text(",", bold), text(".")];
    const result = roundTrip(doc(p(...content), p(text("b", bold), text("c", italic))));
    expect(body(result.file)).toBe("*a*__,__.\n\n**b***c*");
    expect(result.doc).toEqual(canonicalDoc(doc(p(...content), p(text("b", bold), text("c", italic)))));
  });

  it("gives back any run of bold, italic and linked text", () => {
    const run = fc.record({
      text: fc.stringMatching(/^[ab ,.!*_()]{1,4}$/),
      marks: fc.subarray([bold, italic]),
      link: fc.constantFrom(null, null, "https://a.example", "https://b.example"),
    });
    fc.assert(
      fc.property(fc.array(run, { minLength: 1, maxLength: 5 }), (runs) => {
        const json = doc(p(...runs.map((r) => text(r.text, ...r.marks, ...(r.link ? [link(r.link)] : [])))));
        expect(roundTrip(json).doc).toEqual(canonicalDoc(json));
      }),
      { numRuns: 200 },
    );
  });

  it("leaves out what a file does not carry: comments, empty paragraphs, trailing line breaks", () => {
    const json = doc(
      p(text("Commented", comment("thread-1")), text(" and "), text("bold commented", bold, comment("thread-2"))),
      p(),
      p(text("Ends with a break"), br()),
      p(text("Break at the end of bold", bold), br(bold), text(" then plain")),
    );
    const result = roundTrip(json);
    expect(result.file).not.toContain("thread");
    expect(result.doc).toEqual(
      canonicalDoc(
        doc(
          p(text("Commented and "), text("bold commented", bold)),
          p(text("Ends with a break")),
          p(text("Break at the end of bold", bold), br(), text(" then plain")),
        ),
      ),
    );
  });

  it("gives an empty document back as the editor's empty document", () => {
    const result = roundTrip(EMPTY_DOC);
    expect(result.doc).toEqual(EMPTY_DOC);
  });

  it("writes ids for blocks that have none, without reusing existing ones", () => {
    const json = doc(
      { type: "reflectionPrompt", attrs: { id: null }, content: [text("First?")] },
      { type: "reflectionPrompt", attrs: { id: "reflection-1" }, content: [text("Second?")] },
    );
    const result = roundTrip(json);
    expect(result.file).toContain(":::reflection{#reflection-1-2}");
    expect(result.doc.content?.map((n) => n.attrs?.id)).toEqual(["reflection-1-2", "reflection-1"]);
  });
});

describe("file → JSON → file", () => {
  const starters = listStarterModules();

  it("finds the five starter modules", () => {
    expect(starters.map((s) => s.slug)).toEqual([
      "boundaries",
      "conflict",
      "self-care",
      "trauma-triggers",
      "supervision",
    ]);
  });

  it.each(starters.map((s) => [s.slug, s] as const))("%s is written back byte for byte", (_slug, starter) => {
    expect(serializeModule({ details: starter.details, doc: starter.doc })).toBe(starter.text);
  });

  it.each(starters.map((s) => [s.slug, s] as const))("%s survives JSON → file → JSON", (_slug, starter) => {
    expect(roundTrip(starter.doc, starter.details).doc).toEqual(starter.doc);
  });

  it("reads the same file to the same document every time, ids included", () => {
    const file = [
      "---",
      "title: No ids",
      "topic: conflict",
      "estimatedMinutes: 5",
      "---",
      "",
      ":::reflection",
      "What helps?",
      ":::",
      "",
      ":::knowledge-check",
      "Pick one",
      "",
      "- [x] Yes",
      "",
      "  Right.",
      "- [ ] No",
      "",
      "  Not this.",
      ":::",
      "",
      ":::scenario",
      "A text at 11pm.",
      "",
      "- Reply",
      "",
      "  Maybe.",
      "- Wait",
      "",
      "  Maybe.",
      ":::",
      "",
    ].join("\n");
    const first = parseModuleFile(file, "a.md");
    const second = parseModuleFile(file, "b.md");
    expect(first).toEqual(second);
    if (!first.ok) throw new Error("expected the file to parse");
    const ids = JSON.stringify(first.module.doc).match(/"id":"[^"]+"/g);
    expect(ids).toEqual([
      '"id":"reflection-1"',
      '"id":"check-1"',
      '"id":"check-1-a"',
      '"id":"check-1-b"',
      '"id":"scenario-1"',
      '"id":"scenario-1-a"',
      '"id":"scenario-1-b"',
    ]);
  });
});
