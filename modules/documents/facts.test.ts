import { describe, expect, it } from "vitest";
import { contentOf, documentFacts } from "./facts";
import type { DocJSON } from "./json";

const THREAD = "AAAAAAAAAAAAAAAAAAAAAA";
const OTHER_THREAD = "BBBBBBBBBBBBBBBBBBBBBB";

const comment = (threadId = THREAD) => ({ type: "comment", attrs: { threadId } });
const text = (words: string, marks?: DocJSON["marks"]): DocJSON => ({
  type: "text",
  text: words,
  ...(marks ? { marks } : {}),
});
const paragraph = (...content: DocJSON[]): DocJSON => ({ type: "paragraph", content });
const doc = (...content: DocJSON[]): DocJSON => ({ type: "doc", content });

const hashOf = (json: DocJSON) => documentFacts(json).contentHash;

describe("the content hash", () => {
  const sentence = "Saying no kindly is a skill we can practise.";

  it("is the same when a comment is anchored on part of a sentence, splitting its text", () => {
    const plain = doc(paragraph(text(sentence)));
    const commented = doc(paragraph(text("Saying no kindly", [comment()]), text(" is a skill we can practise.")));
    const inTheMiddle = doc(
      paragraph(text("Saying "), text("no kindly", [comment()]), text(" is a skill we can practise.")),
    );
    expect(hashOf(commented)).toBe(hashOf(plain));
    expect(hashOf(inTheMiddle)).toBe(hashOf(plain));
  });

  it("is the same with overlapping comments inside other formatting", () => {
    const plain = doc(paragraph(text("Saying "), text("no kindly", [{ type: "bold" }]), text(" is a skill.")));
    const commented = doc(
      paragraph(
        text("Saying "),
        text("no", [{ type: "bold" }, comment()]),
        text(" kind", [{ type: "bold" }, comment(), comment(OTHER_THREAD)]),
        text("ly", [{ type: "bold" }, comment(OTHER_THREAD)]),
        text(" is a skill.", [comment(OTHER_THREAD)]),
      ),
    );
    expect(hashOf(commented)).toBe(hashOf(plain));
  });

  it("still changes when the words or their formatting change", () => {
    const plain = doc(paragraph(text(sentence)));
    expect(hashOf(doc(paragraph(text(`${sentence} Often.`))))).not.toBe(hashOf(plain));
    expect(
      hashOf(doc(paragraph(text("Saying no kindly", [{ type: "bold" }]), text(" is a skill we can practise.")))),
    ).not.toBe(hashOf(plain));
    // Two paragraphs are not one, even with the same words.
    expect(hashOf(doc(paragraph(text("Saying no kindly")), paragraph(text(" is a skill we can practise."))))).not.toBe(
      hashOf(plain),
    );
  });
});

describe("contentOf", () => {
  it("drops comment marks and joins the text they had split", () => {
    const commented = doc(paragraph(text("Saying "), text("no kindly", [comment()]), text(" is a skill.")));
    expect(contentOf(commented)).toEqual(doc(paragraph(text("Saying no kindly is a skill."))));
  });

  it("keeps text with different marks apart", () => {
    const mixed = doc(paragraph(text("Saying "), text("no", [{ type: "italic" }, comment()]), text(" kindly")));
    expect(contentOf(mixed)).toEqual(
      doc(paragraph(text("Saying "), text("no", [{ type: "italic" }]), text(" kindly"))),
    );
  });
});

describe("attributes the schema gained later", () => {
  it("leave the hash of a document that never set them as it was before they existed", () => {
    const list = (attrs?: Record<string, unknown>): DocJSON => ({
      type: "doc",
      content: [
        {
          type: "bulletList",
          ...(attrs ? { attrs } : {}),
          content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "Rest." }] }] }],
        },
      ],
    });
    // What was hashed before lists could be loose: a list with no attributes at all.
    expect(contentOf(list())).toEqual(list());
    expect(contentOf(list({ loose: false }))).toEqual(list());
    const before = documentFacts(list()).contentHash;
    expect(documentFacts(list({ loose: true })).contentHash).not.toBe(before);
  });
});

describe("ids given so that parts can be locked", () => {
  const heading = (attrs: Record<string, unknown>): DocJSON => ({
    type: "heading",
    attrs: { level: 2, ...attrs },
    content: [text("Why no can be kind")],
  });
  const takeaway = (attrs: Record<string, unknown>): DocJSON => ({
    type: "keyTakeaway",
    attrs,
    content: [paragraph(text("A clear no is caring."))],
  });

  it("leave the content hash as it was, so a sign-off stays current when a section or block gets one", () => {
    const before = doc(heading({}), paragraph(text("Saying no kindly.")), takeaway({}));
    const after = doc(heading({ id: "h7Qz0aKc1LmN" }), paragraph(text("Saying no kindly.")), takeaway({ id: "t1" }));
    expect(hashOf(after)).toBe(hashOf(before));
    expect(hashOf(doc(heading({ id: "other" })))).toBe(hashOf(doc(heading({ id: "h7Qz0aKc1LmN" }))));
  });

  it("still tell a changed heading from the old one", () => {
    expect(hashOf(doc(heading({ id: "a", level: 3 })))).not.toBe(hashOf(doc(heading({ id: "a" }))));
  });
});
