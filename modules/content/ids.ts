import type { JSONContent } from "@tiptap/core";

const PREFIX: Record<string, string> = {
  reflectionPrompt: "reflection",
  knowledgeCheck: "check",
  scenario: "scenario",
  story: "story",
};
const PART: Record<string, string> = { knowledgeCheck: "checkOption", scenario: "scenarioResponse" };

/**
 * Gives every block that needs an id and has none a readable one: the n-th reflection is
 * "reflection-n", the options of "check-2" are "check-2-a", "check-2-b"… They depend only on the
 * block's place in the file, so importing the same file twice gives the same document. Ids the
 * author wrote are kept and never reused.
 */
export function assignIds(doc: JSONContent, taken: Set<string>): JSONContent {
  const counts: Record<string, number> = {};
  const unique = (base: string) => {
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    return id;
  };
  const visit = (node: JSONContent): JSONContent => {
    const prefix = PREFIX[node.type ?? ""];
    if (!prefix) return node.content ? { ...node, content: node.content.map(visit) } : node;
    counts[prefix] = (counts[prefix] ?? 0) + 1;
    const id = (node.attrs?.id as string | null | undefined) ?? unique(`${prefix}-${counts[prefix]}`);
    const partType = PART[node.type ?? ""];
    let letter = 0;
    const content = node.content?.map((child) => {
      if (child.type !== partType) return visit(child);
      const partId = (child.attrs?.id as string | null | undefined) ?? unique(`${id}-${letterFor(letter)}`);
      letter += 1;
      return { ...child, attrs: { ...child.attrs, id: partId } };
    });
    return { ...node, attrs: { ...node.attrs, id }, ...(content ? { content } : {}) };
  };
  return visit(doc);
}

/** a, b, … z, then aa, ab… (a check has at most six options, but ids should never run out). */
function letterFor(index: number): string {
  const letter = String.fromCharCode(97 + (index % 26));
  return index < 26 ? letter : letterFor(Math.floor(index / 26) - 1) + letter;
}
