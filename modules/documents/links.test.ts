import { EditorState, TextSelection } from "@tiptap/pm/state";
import { describe, expect, it } from "vitest";
import { documentSchema } from "./extensions";
import type { DocJSON } from "./json";
import { isAllowedLink } from "./links";

const linked = (words: string): DocJSON => ({
  type: "text",
  text: words,
  marks: [{ type: "link", attrs: { href: "tel:116123" } }],
});

/**
 * Types `typed` with the cursor at `at`, the way the editor inserts typed text, and returns the
 * paragraph's runs of text with where each links to.
 */
function typeAt(paragraph: DocJSON[], at: number, typed: string) {
  const doc = documentSchema.nodeFromJSON({ type: "doc", content: [{ type: "paragraph", content: paragraph }] });
  const state = EditorState.create({ doc, selection: TextSelection.create(doc, at) });
  const runs: [string, string | null][] = [];
  state.apply(state.tr.insertText(typed)).doc.descendants((node) => {
    if (node.isText) runs.push([node.text ?? "", node.marks.find((m) => m.type.name === "link")?.attrs.href ?? null]);
  });
  return runs;
}

describe("links in the document schema", () => {
  it("do not grow when someone types right after them", () => {
    const result = typeAt(
      [{ type: "text", text: "Call " }, linked("116 123")],
      1 + "Call 116 123".length,
      " any time.",
    );
    expect(result).toEqual([
      ["Call ", null],
      ["116 123", "tel:116123"],
      [" any time.", null],
    ]);
  });

  it("still take text typed inside them", () => {
    const result = typeAt([linked("Samaritans")], 1 + "Sama".length, "-");
    expect(result).toEqual([["Sama-ritans", "tel:116123"]]);
  });
});

describe("where a link may go", () => {
  it("takes the web, email, phone numbers and pages of Alongside itself, written as their path", () => {
    for (const href of [
      "https://www.samaritans.org",
      "mailto:jo@example.org",
      "tel:116123",
      "/learn/supervision",
      "/support",
    ]) {
      expect(isAllowedLink(href), href).toBe(true);
    }
  });

  it("refuses scripts, data, other sites written as paths, and paths with spaces or backslashes", () => {
    for (const href of [
      "javascript:alert(1)",
      "data:text/html,x",
      "//evil.example",
      "/\\evil.example",
      "/learn supervision",
      "/%0aevil",
      "learn/supervision",
      "",
    ]) {
      expect(isAllowedLink(href), href).toBe(false);
    }
  });
});
