import { describe, expect, it } from "vitest";
import type { DocJSON } from "./json";
import { validateDoc } from "./json";
import { loadableDoc } from "./loadable";
import { newBlock } from "./templates";

const text = (words: string, marks?: DocJSON["marks"]): DocJSON => ({
  type: "text",
  text: words,
  ...(marks ? { marks } : {}),
});
const paragraph = (...content: DocJSON[]): DocJSON => ({ type: "paragraph", content });
const doc = (...content: DocJSON[]): DocJSON => ({ type: "doc", content });

describe("a document the editor can load", () => {
  it("is the document itself when it is already valid", () => {
    const valid = doc(paragraph(text("Agree your hours.", [{ type: "bold" }])), newBlock("keyTakeaway"));
    expect(loadableDoc(valid)).toBe(valid);
  });

  it("drops nodes and marks the schema does not know, keeping everything else", () => {
    const poisoned = doc(
      paragraph(text("Before.")),
      { type: "evilNode", content: [text("Never shown.")] },
      paragraph(text("After, "), text("with an odd mark", [{ type: "blink" }, { type: "italic" }]), text(".")),
    );
    expect(validateDoc(poisoned).ok).toBe(false);
    const loaded = loadableDoc(poisoned);
    expect(validateDoc(loaded)).toEqual({ ok: true });
    expect(loaded).toEqual(
      doc(
        paragraph(text("Before.")),
        paragraph(text("After, "), text("with an odd mark", [{ type: "italic" }]), text(".")),
      ),
    );
  });

  it("drops a comment anchor without a proper thread id, and keeps its words", () => {
    const loaded = loadableDoc(
      doc(paragraph(text("Kind words", [{ type: "comment", attrs: { threadId: "x".repeat(5000) } }]))),
    );
    expect(loaded).toEqual(doc(paragraph(text("Kind words"))));
  });

  it("puts text found directly in the document into a paragraph", () => {
    expect(loadableDoc(doc(text("Loose text.")))).toEqual(doc(paragraph(text("Loose text."))));
  });

  it("completes a training block that lost a required part", () => {
    const check = newBlock("knowledgeCheck");
    const oneOption = { ...check, content: (check.content ?? []).slice(0, 2) };
    const loaded = loadableDoc(doc(oneOption));
    expect(validateDoc(loaded)).toEqual({ ok: true });
    expect(loaded.content?.[0]?.content?.filter((c) => c.type === "checkOption")).toHaveLength(2);
  });

  it("is an empty document when nothing can be kept", () => {
    expect(loadableDoc({ type: "evilDoc", content: [] })).toEqual({ type: "doc", content: [{ type: "paragraph" }] });
  });
});
