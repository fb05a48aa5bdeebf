import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ParseResult, parseModuleFile } from "./parse";
import { serializeModule } from "./serialize";

/**
 * Markdown as people write it, beyond the starter modules: the constructs of the CommonMark spec
 * that are easy to get wrong. Every file either imports or says what is wrong on which line, and
 * what imports is written back the way its author wrote it, wherever a module can hold that.
 */

const FRONT_MATTER = "---\ntitle: CommonMark\ntopic: boundaries\nestimatedMinutes: 5\n---\n\n";
/** The body starts on line 7 of the file. */
const BODY_START = 7;
const FILE = "tricky.md";

function importBody(body: string): ParseResult {
  return parseModuleFile(FRONT_MATTER + body, FILE);
}

function exportBody(result: ParseResult): string {
  if (!result.ok) throw new Error(`expected the file to import: ${JSON.stringify(result.errors)}`);
  const file = serializeModule(result.module);
  // An empty module is written as its front matter alone, without the blank line after it.
  const front = FRONT_MATTER.trimEnd();
  expect(file.startsWith(front)).toBe(true);
  return file.slice(front.length).replace(/^\n\n?/, "");
}

/** Problems an author can act on name the file and a line in it, never the document schema. */
function expectPlainProblems(result: ParseResult, body: string) {
  if (result.ok) return;
  const lastLine = BODY_START + body.split("\n").length;
  for (const error of result.errors) {
    expect(error.file).toBe(FILE);
    expect(error.line).toBeGreaterThanOrEqual(1);
    expect(error.line).toBeLessThanOrEqual(lastLine);
    expect(error.message).not.toMatch(/does not fit the module format|Invalid|RangeError|undefined/);
  }
}

/** Import → export → import gives the same module, and exporting again gives the same file. */
function expectStableRoundTrip(result: ParseResult) {
  if (!result.ok) return;
  const written = exportBody(result);
  const again = importBody(written);
  if (!again.ok) throw new Error(`the exported file does not import:\n${written}\n${JSON.stringify(again.errors)}`);
  expect(again.module.doc).toEqual(result.module.doc);
  expect(exportBody(again)).toBe(written);
}

/** [what, as written, as written back when the module cannot hold what was written]. */
const IMPORTED: [string, string, string?][] = [
  ["emphasis", "Some *italic* text."],
  ["strong emphasis", "Some **bold** text."],
  ["strong inside emphasis", "*a **b** c*"],
  ["emphasis inside strong", "**a *b* c**"],
  ["strong and emphasis on the same words", "Some ***very*** bold text."],
  ["strong inside emphasis, at its start", "***a** b*"],
  ["emphasis inside strong, at its start", "***a* b**"],
  ["emphasis at the end of strong", "**a *b***"],
  ["strong then emphasis, touching", "**a***b*"],
  ["emphasis then strong, touching", "*a***b**"],
  ["strong punctuation after emphasis, where stars cannot work", "*a*__,__.", "*a*__,__."],
  ["emphasis inside a word", "un*believ*able"],
  ["emphasis before a letter", "*a*b"],
  ["strong before a letter", "**bold**then"],
  ["emphasis nested in emphasis", "*foo *bar* baz*", "*foo bar baz*"],
  ["strong nested in strong", "**a **b** c**", "**a b c**"],
  ["emphasis around emphasis with punctuation", "*(*foo*)*", "*(foo)*"],
  ["strong and emphasis nested three deep", "*foo **bar *baz* bim** bop*", "*foo **bar baz bim** bop*"],
  ["strong nested in strong across a line", "**foo *bar **baz**\nbim* bop**", "**foo *bar baz bim* bop**"],
  ["four stars", "****foo****", "**foo**"],
  ["six stars", "******foo******", "**foo**"],
  ["underscore emphasis", "_a_ and __b__", "*a* and **b**"],
  ["underscores around stars", "_**x**_", "***x***"],
  ["stars around underscores", "**_x_**", "***x***"],
  ["five underscores", "_____foo_____", "***foo***"],
  ["emphasis in a link", "[*a* b](https://example.org)"],
  ["strong and emphasis in a mailto link", "[**a** *b*](mailto:help@example.org)"],
  ["a link in strong", "**[a](https://example.org) b**"],
  [
    "an autolink inside a link",
    "[a <https://a.example> b](https://b.example)",
    "[a ](https://b.example)<https://a.example>[ b](https://b.example)",
  ],
  ["a link with a title", '[a](https://example.org "The title")'],
  ["an autolink", "<https://example.org>"],
  ["underscores inside words", "snake_case_name and x_1 + y_2"],
  ["escaped stars", "\\*not italic\\*"],
  ["escaped underscores", "\\_not italic\\_"],
  ["an escaped heading", "\\# not a heading"],
  ["an escaped list number", "1\\. not a list"],
  ["escaped colons that are not a block", "\\:::reflection is not a block"],
  ["escaped colons, escaped after two", "::\\:support is not a block", "\\:::support is not a block"],
  ["an escaped backslash", "a\\\\b", "a\\b"],
  ["brackets that are not a link", "\\[x] not a tick box"],
  ["less-than and greater-than as text", "3 < 4 and 5 > 2"],
  ["a hard break with a backslash", "one\\\ntwo"],
  ["a hard break with two spaces", "one  \ntwo", "one\\\ntwo"],
  ["a hard break inside emphasis", "*one\\\ntwo*"],
  ["a hard break at the start of strong", "a **\\\nb**", "a \\\n**b**"],
  ["a hard break at the end of a link", "[a\\\n](https://example.org)b", "[a](https://example.org)\\\nb"],
  ["a soft line break", "one\ntwo", "one two"],
  ["a heading with emphasis", "## A *calm* heading"],
  ["a tight bullet list", "- a\n- b"],
  ["a tight numbered list", "1. a\n2. b"],
  ["a numbered list from 3", "3. a\n4. b"],
  ["nested tight lists", "- a\n  - b\n  - c\n- d"],
  ["an item of two paragraphs in a tight list", "- a\n\n  more\n- b"],
  ["a quote in a tight list item", "- a\n  > q\n- b"],
  ["a list in a quote", "> - a\n> - b"],
  ["a loose bullet list", "- a\n\n- b"],
  ["a loose numbered list", "1. a\n\n2. b\n\n3. c"],
  ["a loose list with a tight list inside", "- a\n  - x\n  - y\n\n- b"],
  ["a loose list with blank lines inside items too", "- a\n\n  - x\n\n- b", "- a\n  - x\n\n- b"],
  ["a tight list with a loose list inside", "- a\n  - x\n\n  - y\n- b"],
  ["a list of one item, loose inside", "- a\n\n  - x"],
  ["a loose list with an item of two paragraphs", "- a\n\n  more\n\n- b"],
  ["a loose list in a quote", "> - a\n>\n> - b"],
  ["a loose list in key takeaways", ":::takeaways\n- a\n\n- b\n:::"],
  ["several blank lines between items", "- a\n- b\n\n\n- c", "- a\n\n- b\n\n- c"],
  ["a list from 3 inside a tight item", "- a\n\n  3. x\n- b"],
  ["a quote that starts with an empty item, in a tight item", "- a\n\n  > -\n- b"],
  ["a quote that starts with a list from 3, in a tight item", "- a\n\n  > 3. x\n- b"],
  ["an empty item before a quote, in a quote", "> -\n> > a", "> -\n>\n> > a"],
  ["star bullets", "* a\n* b", "- a\n- b"],
  ["numbers with brackets", "1) a\n2) b", "1. a\n2. b"],
];

const REPORTED: [string, string, number, string][] = [
  ["a code span with stars", "Type `*a*` here.", 1, "Code (text between `backticks`)"],
  ["inline HTML", "Some <b>bold</b> text.", 1, "HTML is not allowed"],
  ["an HTML comment", "Text.\n\n<!-- a note -->", 3, "HTML is not allowed"],
  ["an HTML block", "<div>\nx\n</div>", 1, "HTML is not allowed"],
  ["an image", "![a cat](https://example.org/cat.png)", 1, "Images are not supported"],
  ["a reference link", "[words][ref]\n\n[ref]: https://example.org", 1, "Reference links"],
  ["a link of only a line break", "a [\\\n](https://example.org) b", 1, "This link has no words to click"],
  ["a link to a script", "[click](javascript:alert(1))", 1, "is not allowed"],
  ["a level-1 heading", "# Title", 1, "Use ## for a section"],
  ["a rule", "Text.\n\n***", 3, "Lines across the page"],
  ["indented code", "Text.\n\n    code", 3, "read as code"],
];

describe("CommonMark constructs in a module file", () => {
  it.each(IMPORTED)("%s: imports and is written back as the author wrote it", (_what, body, writtenBack) => {
    const result = importBody(`${body}\n`);
    expectPlainProblems(result, body);
    expect(exportBody(result)).toBe(`${writtenBack ?? body}\n`);
    expectStableRoundTrip(result);
  });

  it.each(REPORTED)("%s: is reported on its line", (_what, body, line, message) => {
    const result = importBody(`${body}\n`);
    expectPlainProblems(result, body);
    if (result.ok) throw new Error("expected the file to be rejected");
    expect(result.errors).toContainEqual(
      expect.objectContaining({ file: FILE, line: BODY_START + line - 1, message: expect.stringContaining(message) }),
    );
  });

  it("never fails with an internal error, and what imports comes back the same", () => {
    const pieces = ["a", "b", " ", "\n", "\n\n", "*", "**", "_", "__", "\\", "[", "](https://example.org)", "<", ">"];
    const starts = ["", "- ", "1. ", "> ", "  ", "## "];
    const line = fc
      .tuple(fc.constantFrom(...starts), fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 12 }))
      .map(([start, parts]) => start + parts.join(""));
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 4 }), (lines) => {
        const body = `${lines.join("\n")}\n`;
        const result = importBody(body);
        expectPlainProblems(result, body);
        expectStableRoundTrip(result);
      }),
      { numRuns: 300 },
    );
  });
});
