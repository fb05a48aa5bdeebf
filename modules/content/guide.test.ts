import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { parseModuleFile } from "./parse";
import { formatError } from "./problems";

const GUIDE = new URL("../../docs/content-format.md", import.meta.url);
const FRONT_MATTER = "---\ntitle: Example\ntopic: boundaries\nestimatedMinutes: 5\n---\n\n";

/**
 * Every example of a module file in the author guide, so the guide cannot drift from the parser.
 * They are fenced as plain text (Biome's Markdown formatter would indent their closing :::), and
 * told apart from the guide's other examples by how they start.
 */
const examples = [...fs.readFileSync(GUIDE, "utf8").matchAll(/```text\n([\s\S]*?)```/g)]
  .map((m) => m[1] ?? "")
  .filter((example) => /^(---|#|:)/.test(example));

describe("the author guide", () => {
  it("has examples", () => {
    expect(examples.length).toBeGreaterThanOrEqual(8);
  });

  it.each(examples.map((example, i) => [i + 1, example] as const))(
    "example %i is a valid module file",
    (_n, example) => {
      const text = example.startsWith("---") ? example : FRONT_MATTER + example;
      const result = parseModuleFile(text, "guide.md");
      expect(result.ok ? [] : result.errors.map(formatError)).toEqual([]);
    },
  );
});
