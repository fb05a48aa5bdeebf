import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { documentSchema } from "../documents/extensions";
import { documentFacts } from "../documents/facts";
import { type DocJSON, validateDoc } from "../documents/json";
import { CONTENT_NOTE_TOPICS } from "../documents/vocabulary";
import { everything } from "../testing/documents";
import { compareDocs, type DiffRow } from "./diff";

type Path = number[];

function at(doc: DocJSON, path: Path): DocJSON {
  let node = doc;
  for (const i of path) {
    const child = node.content?.[i];
    if (!child) throw new Error(`no node at ${path.join(".")}`);
    node = child;
  }
  return node;
}

function edited(doc: DocJSON, path: Path, edit: (node: DocJSON) => void): DocJSON {
  const copy = structuredClone(doc);
  edit(at(copy, path));
  return copy;
}

function paths(doc: DocJSON, where: (node: DocJSON) => boolean, path: Path = []): Path[] {
  const here = where(doc) ? [path] : [];
  return [...here, ...(doc.content ?? []).flatMap((child, i) => paths(child, where, [...path, i]))];
}

const hash = (doc: DocJSON) => documentFacts(doc).contentHash;
const differences = (rows: DiffRow[]) => rows.filter((r) => r.change !== null);

/** What a row says, as a sentence per part, to assert on the words a co-designer reads. */
function said(row: DiffRow | undefined): string[] {
  return (row?.fields ?? []).map((f) => {
    const label = f.label ? `${f.label}: ` : "";
    if (f.kind === "setting") {
      return f.change === "changed" ? `${label}${f.from} → ${f.to}` : `${label}${f.to ?? f.from}`;
    }
    if (f.kind === "note") return f.text;
    return `${label}${f.parts.map((p) => (p.change ? `[${p.change}: ${p.text}]` : p.text)).join("")}`;
  });
}

/** Another valid value for each attribute the schema has; an attribute without one fails the test below. */
const ATTRIBUTE_VALUES: Record<string, fc.Arbitrary<unknown>> = {
  id: fc.stringMatching(/^[A-Za-z0-9_-]{12}$/),
  correct: fc.boolean(),
  multiple: fc.boolean(),
  topics: fc.subarray([...CONTENT_NOTE_TOPICS], { minLength: 0 }),
  customTopic: fc.string({ maxLength: 20 }),
  level: fc.constantFrom(2, 3),
  start: fc.integer({ min: 1, max: 40 }),
  loose: fc.boolean(),
  suggestion: fc.constantFrom(null, "insertion:someone:abcd", "deletion:someone:efgh"),
  attrName: fc.option(fc.constantFrom("correct", "topics")),
  previousValue: fc.option(fc.boolean()),
  newValue: fc.option(fc.boolean()),
  type: fc.constantFrom(null, "1", "a", "A", "i", "I"),
  href: fc.webUrl(),
  title: fc.option(fc.string({ maxLength: 20 })),
  target: fc.option(fc.constantFrom("_blank", "_self")),
  rel: fc.option(fc.constantFrom("noopener", "nofollow", "noopener noreferrer nofollow")),
  class: fc.option(fc.constantFrom("external", "quiet")),
  storyteller: fc.stringMatching(/^[A-Za-z0-9_-]{22}$/),
  credit: fc.constantFrom("named", "anonymous"),
  scope: fc.constantFrom("", "module", "organisation", "beyond"),
  reviewOn: fc.constantFrom("", "2027-01-10", "2027-06-30"),
  withdrawn: fc.boolean(),
  imageId: fc.stringMatching(/^[A-Za-z0-9_-]{22}$/),
  alt: fc.string({ minLength: 1, maxLength: 40 }),
  decorative: fc.boolean(),
  width: fc.integer({ min: 1, max: 4000 }),
  height: fc.integer({ min: 1, max: 4000 }),
};

describe("compare shows every change that makes a new revision", () => {
  it("has another value for every attribute of every node and mark in the schema", () => {
    const attributes = [
      ...Object.values(documentSchema.nodes).flatMap((t) => Object.keys(t.spec.attrs ?? {})),
      ...Object.values(documentSchema.marks)
        .filter((t) => t.name !== "comment")
        .flatMap((t) => Object.keys(t.spec.attrs ?? {})),
    ];
    for (const name of attributes) expect(ATTRIBUTE_VALUES, `attribute "${name}"`).toHaveProperty(name);
  });

  it("for each block kind and each of its attributes, a change that changes the revision hash is shown", () => {
    const withAttrs = paths(
      everything,
      (n) => Object.keys(documentSchema.nodes[n.type ?? ""]?.spec.attrs ?? {}).length > 0,
    );
    const kinds = new Set(withAttrs.map((p) => at(everything, p).type));
    for (const kind of ["contentNote", "reflectionPrompt", "knowledgeCheck", "checkOption", "scenario", "heading"]) {
      expect(kinds).toContain(kind);
    }
    const targets = withAttrs.flatMap((path) =>
      Object.keys(documentSchema.nodes[at(everything, path).type ?? ""]?.spec.attrs ?? {}).map((key) => ({
        path,
        key,
      })),
    );
    fc.assert(
      fc.property(
        fc
          .constantFrom(...targets)
          .chain((t) => (ATTRIBUTE_VALUES[t.key] ?? fc.constant(null)).map((value) => ({ ...t, value }))),
        ({ path, key, value }) => {
          const changed = edited(everything, path, (n) => {
            n.attrs = { ...n.attrs, [key]: value };
          });
          fc.pre(validateDoc(changed).ok && hash(changed) !== hash(everything));
          expect(differences(compareDocs(everything, changed)).length).toBeGreaterThan(0);
          expect(differences(compareDocs(changed, everything)).length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("a change of a mark's attributes (a link's address or details) is shown", () => {
    const linked = paths(everything, (n) => (n.marks ?? []).some((m) => m.type === "link"));
    fc.assert(
      fc.property(
        fc.constantFrom(...linked),
        fc
          .constantFrom("href", "title", "target", "rel", "class")
          .chain((key) => (ATTRIBUTE_VALUES[key] ?? fc.constant(null)).map((value) => ({ key, value }))),
        (path, { key, value }) => {
          const changed = edited(everything, path, (n) => {
            n.marks = n.marks?.map((m) => (m.type === "link" ? { ...m, attrs: { ...m.attrs, [key]: value } } : m));
          });
          fc.pre(validateDoc(changed).ok && hash(changed) !== hash(everything));
          expect(differences(compareDocs(everything, changed)).length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 100 },
    );
  });

  it("a change of any text, or of its bold and italic, or a line break, is shown", () => {
    const texts = paths(everything, (n) => n.type === "text");
    const edit = fc.oneof(
      fc.record({ kind: fc.constant("text" as const), value: fc.string({ minLength: 1, maxLength: 12 }) }),
      fc.record({ kind: fc.constant("toggle" as const), mark: fc.constantFrom("bold", "italic") }),
      fc.record({ kind: fc.constant("break" as const) }),
    );
    fc.assert(
      fc.property(fc.constantFrom(...texts), edit, (path, change) => {
        const parentPath = path.slice(0, -1);
        const index = path[path.length - 1] ?? 0;
        const changed = edited(everything, parentPath, (parent) => {
          const node = parent.content?.[index];
          if (!node || !parent.content) return;
          if (change.kind === "text") node.text = change.value;
          else if (change.kind === "toggle") {
            const has = (node.marks ?? []).some((m) => m.type === change.mark);
            node.marks = has
              ? (node.marks ?? []).filter((m) => m.type !== change.mark)
              : [...(node.marks ?? []), { type: change.mark }];
          } else parent.content.splice(index, 0, { type: "hardBreak" });
        });
        fc.pre(validateDoc(changed).ok && hash(changed) !== hash(everything));
        expect(differences(compareDocs(everything, changed)).length).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
  });

  it("adding, removing or reordering a block, an answer or a response is shown", () => {
    const containers = paths(everything, (n) => (n.content?.length ?? 0) > 1 && n.type !== "text");
    fc.assert(
      fc.property(
        fc.constantFrom(...containers),
        fc.constantFrom("remove", "duplicate", "swap"),
        fc.nat(),
        (path, kind, seed) => {
          const changed = edited(everything, path, (n) => {
            const content = n.content ?? [];
            const i = seed % content.length;
            const j = (i + 1) % content.length;
            const item = content[i];
            if (!item) return;
            if (kind === "remove") content.splice(i, 1);
            else if (kind === "duplicate") content.splice(i, 0, structuredClone(item));
            else [content[i], content[j]] = [content[j] as DocJSON, item];
          });
          fc.pre(validateDoc(changed).ok && hash(changed) !== hash(everything));
          expect(differences(compareDocs(everything, changed)).length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("comment anchors alone are never a difference", () => {
    const texts = paths(everything, (n) => n.type === "text");
    fc.assert(
      fc.property(fc.subarray(texts, { minLength: 1 }), (chosen) => {
        let commented = everything;
        for (const [k, path] of chosen.entries()) {
          commented = edited(commented, path, (n) => {
            n.marks = [...(n.marks ?? []), { type: "comment", attrs: { threadId: `thread-${k}` } }];
          });
        }
        expect(differences(compareDocs(everything, commented))).toEqual([]);
      }),
      { numRuns: 50 },
    );
  });
});

const blocks = everything.content ?? [];
const KNOWLEDGE_CHECK = blocks.findIndex((b) => b.attrs?.id === "kc-one");
const SINGLE_CHECK = blocks.findIndex((b) => b.attrs?.id === "kc-two");
const SCENARIO = blocks.findIndex((b) => b.type === "scenario");
const CONTENT_NOTE = blocks.findIndex((b) => b.type === "contentNote");
const NUMBERED_LIST = blocks.findIndex((b) => b.type === "orderedList");

describe("compare says what changed in a co-designer's words", () => {
  it("a new correct answer: “Correct answer: B → A”", () => {
    const changed = edited(everything, [SINGLE_CHECK], (check) => {
      for (const [i, option] of (check.content ?? []).slice(1).entries()) {
        option.attrs = { ...option.attrs, correct: i === 0 };
      }
    });
    const rows = differences(compareDocs(everything, changed));
    expect(rows.map((r) => r.label)).toEqual(["Knowledge check"]);
    expect(said(rows[0])).toContain("Correct answer: B → A");
  });

  it("allowing more than one answer, and the answers marked correct", () => {
    const changed = edited(everything, [KNOWLEDGE_CHECK], (check) => {
      check.attrs = { ...check.attrs, multiple: false };
      const third = check.content?.[3];
      if (third) third.attrs = { ...third.attrs, correct: false };
    });
    const [row] = differences(compareDocs(everything, changed));
    expect(said(row)).toEqual(
      expect.arrayContaining(["Learners choose: One or more answers → One answer", "Correct answer: A and C → A"]),
    );
  });

  it("a content note's topics, and its own topic", () => {
    const changed = edited(everything, [CONTENT_NOTE], (note) => {
      note.attrs = { topics: ["suicide"], customTopic: "" };
    });
    const [row] = differences(compareDocs(everything, changed));
    expect(row?.label).toBe("Content note");
    expect(said(row)).toContain("Topics: Suicide, Self-harm → Suicide");

    const renamed = edited(everything, [CONTENT_NOTE + 1], (note) => {
      note.attrs = { ...note.attrs, customTopic: "Debt" };
    });
    expect(said(differences(compareDocs(everything, renamed))[0])).toContain(
      "Other topic: [removed: Gambling harm][added: Debt]",
    );
  });

  it("feedback on one answer, and a scenario's response and its discussion, each under its own name", () => {
    const changed = edited(everything, [SINGLE_CHECK, 2, 1], (feedback) => {
      feedback.content = [{ type: "text", text: "This one, well done." }];
    });
    expect(said(differences(compareDocs(everything, changed))[0])).toContain(
      "Feedback on B: This one[added: , well done].",
    );

    const responses = edited(everything, [SCENARIO], (scenario) => {
      const second = scenario.content?.[2];
      if (second?.content?.[0]) second.content[0].content = [{ type: "text", text: "Reply tomorrow at 9" }];
      if (second?.content?.[1]) second.content[1].content = [{ type: "text", text: "Keeps your hours." }];
    });
    const lines = said(differences(compareDocs(everything, responses))[0]);
    expect(lines).toContain("Response 2: Reply tomorrow at [removed: 10][added: 9]");
    expect(lines).toContain("Discussion of response 2: Keeps your hours[removed: , kindly].");
  });

  it("a third answer added to a check shows as a new answer with its feedback", () => {
    const more = edited(everything, [SINGLE_CHECK], (check) => {
      check.content?.push({
        type: "checkOption",
        attrs: { id: "p3", correct: false },
        content: [
          { type: "optionText", content: [{ type: "text", text: "Maybe" }] },
          { type: "optionFeedback", content: [{ type: "text", text: "Think again." }] },
        ],
      });
    });
    const lines = said(differences(compareDocs(everything, more))[0]);
    expect(lines).toContain("Answer C: [added: Maybe]");
    expect(lines).toContain("Feedback on C: [added: Think again.]");
  });

  it("formatting alone, a heading's level and a list's numbering are shown in words", () => {
    const boldened = edited(everything, [0, 0], (t) => {
      t.marks = [{ type: "bold" }];
    });
    expect(said(differences(compareDocs(everything, boldened))[0])).toContain(
      "Formatting: [added: Bold: “Before the first section.”]",
    );
    const heading = edited(everything, [1], (h) => {
      h.attrs = { level: 3 };
    });
    expect(said(differences(compareDocs(everything, heading))[0])).toContain(
      "Kind of heading: Section heading (starts a step for learners) → Sub-heading",
    );
    const numbered = edited(everything, [NUMBERED_LIST], (list) => {
      list.attrs = { start: 1, type: "a" };
    });
    expect(said(differences(compareDocs(everything, numbered))[0])).toEqual(
      expect.arrayContaining(["Numbering starts at: 4 → 1", "Numbering: 1, 2, 3 → a, b, c"]),
    );
  });

  it("a block replaced by a copy with the same words says so", () => {
    const copy = edited(everything, [KNOWLEDGE_CHECK], (check) => {
      check.attrs = { ...check.attrs, id: "kc-new" };
    });
    const [row] = differences(compareDocs(everything, copy));
    expect(row?.fields.filter((f) => f.change !== null).map((f) => f.kind)).toEqual(["note"]);
    expect(said(row)).toContain(
      "Replaced by a copy with the same content: learners' earlier answers to it do not carry over.",
    );
  });

  it("knowledge checks and scenarios are shown part by part, not as one paragraph", () => {
    const rows = compareDocs(everything, everything);
    expect(differences(rows)).toEqual([]);
    const check = rows.find((r) => r.label === "Knowledge check");
    expect(said(check)).toEqual([
      "Question: Which of these apply?",
      "Learners choose: One or more answers",
      "Correct answers: A and C",
      "Answer A: Listening",
      "Feedback on A: Yes, listening matters.",
      "Answer B: Lending money",
      "Feedback on B: No. Point them to help",
      "Answer C: Signposting",
      "Feedback on C: Yes.",
    ]);
    const scenario = rows.find((r) => r.label === "Scenario");
    expect(said(scenario).map((line) => line.split(":")[0])).toEqual([
      "Situation",
      "Response 1",
      "Discussion of response 1",
      "Response 2",
      "Discussion of response 2",
    ]);
  });
});

describe("ids given to parts so they can be locked", () => {
  it("show no change in a compare, as they make no new revision", () => {
    const named = structuredClone(everything);
    for (const node of named.content ?? []) {
      if (["heading", "contentNote", "keyTakeaway", "supportSignpost"].includes(String(node.type))) {
        node.attrs = { ...node.attrs, id: `part-${String(node.type)}` };
      }
    }
    expect(documentFacts(named).contentHash).toBe(documentFacts(everything).contentHash);
    expect(compareDocs(everything, named).filter((row: DiffRow) => row.change !== null)).toEqual([]);
  });
});
