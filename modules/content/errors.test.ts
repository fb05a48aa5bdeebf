import { describe, expect, it } from "vitest";
import { parseModuleFile } from "./parse";
import { formatError } from "./problems";

const FRONT_MATTER = ["---", "title: Errors", "topic: boundaries", "estimatedMinutes: 10", "---", ""];
/** Body lines start on line 7, after the front matter and a blank line. */
const BODY_START = FRONT_MATTER.length + 1;

const withBody = (...lines: string[]) => [...FRONT_MATTER, ...lines, ""].join("\n");

function errors(text: string, fileName = "module.md") {
  const result = parseModuleFile(text, fileName);
  if (result.ok) throw new Error("expected the file to be rejected");
  return result.errors.map(formatError);
}

const CHECK = (header: string, ...options: string[]) => [header, "Which one?", "", ...options, ":::"];

describe("front matter problems", () => {
  it("reports a file without front matter on line 1", () => {
    expect(errors("## Just a section\n\nText.\n")).toEqual([
      "module.md:1: The file must start with front matter: a line with ---, then the title, topic and estimatedMinutes, then another ---.",
    ]);
  });

  it("reports a missing title at the start of the front matter", () => {
    expect(errors("---\ntopic: boundaries\nestimatedMinutes: 10\n---\n")).toEqual([
      'module.md:1: The front matter has no title: add a line "title: …".',
    ]);
  });

  it("reports an unknown topic, an unknown field and minutes that are not a number on their own lines", () => {
    const text = ["---", "title: T", "topic: boundries", "estimatedMinutes: half an hour", "colour: blue", "---", ""];
    expect(errors(text.join("\n"))).toEqual([
      'module.md:3: Unknown topic "boundries". Use one of: boundaries, conflict, self_care, trauma_triggers, supervision, other.',
      'module.md:4: estimatedMinutes is a whole number of minutes, like "estimatedMinutes: 30".',
      'module.md:5: Unknown field "colour" in the front matter. The fields are: title, topic, customTopic, summary, estimatedMinutes.',
    ]);
  });

  it("reports YAML that does not parse, on its line", () => {
    const [first] = errors(
      ["---", "title: T", "topic: conflict", "summary: [not closed", "estimatedMinutes: 5", "---"].join("\n"),
    );
    expect(first).toMatch(/^module\.md:[45]: The front matter is not valid YAML: /);
  });

  it("reports a field given twice", () => {
    const [first] = errors(["---", "title: T", "title: U", "topic: conflict", "estimatedMinutes: 5", "---"].join("\n"));
    expect(first).toMatch(/^module\.md:3: The front matter is not valid YAML: .*unique/);
  });

  it("asks for customTopic only when the topic is other", () => {
    expect(errors(["---", "title: T", "topic: other", "estimatedMinutes: 5", "---"].join("\n"))).toEqual([
      'module.md:1: The topic is "other", so name it: add customTopic to the front matter.',
    ]);
    expect(
      errors(["---", "title: T", "topic: conflict", "customTopic: Families", "estimatedMinutes: 5", "---"].join("\n")),
    ).toEqual(['module.md:4: customTopic is only used when the topic is "other". Remove it, or set topic: other.']);
  });

  it("uses the module rules for lengths and limits", () => {
    expect(errors(["---", "title: T", "topic: conflict", "estimatedMinutes: 0", "---"].join("\n"))).toEqual([
      "module.md:4: estimatedMinutes: A module takes at least 1 minute.",
    ]);
  });
});

describe("block problems", () => {
  it.each<[string, string[], string[]]>([
    [
      "an unknown block",
      [":::reflect", "What?", ":::"],
      [
        `${BODY_START}: Unknown block ":::reflect". The blocks are: content-note, reflection, knowledge-check, scenario, takeaways, support, self-care-plan, story.`,
      ],
    ],
    [
      "a block that is never closed",
      ["## Section", "", ":::takeaways", "- One"],
      [`${BODY_START + 2}: This :::takeaways block is never closed: end it with a line of three colons (:::).`],
    ],
    [
      "a knowledge check with one option",
      CHECK(":::knowledge-check", "- [x] Only", "", "  Feedback."),
      [`${BODY_START + 3}: A knowledge check has 2 to 6 options; this one has 1.`],
    ],
    [
      "a knowledge check with seven options",
      CHECK(":::knowledge-check{multiple}", ...[1, 2, 3, 4, 5, 6, 7].flatMap((n) => [`- [x] ${n}`, "", "  Yes.", ""])),
      [`${BODY_START + 3}: A knowledge check has 2 to 6 options; this one has 7.`],
    ],
    [
      "an option without feedback",
      CHECK(":::knowledge-check", "- [x] Right", "", "  Yes.", "", "- [ ] Wrong"),
      [
        `${BODY_START + 7}: Option 2 has no feedback. Leave a blank line under it, then write the feedback indented by two spaces.`,
      ],
    ],
    [
      "feedback without the blank line before it",
      CHECK(":::knowledge-check", "- [x] Right", "  Yes, because.", "- [ ] Wrong", "", "  No."),
      [
        `${BODY_START + 3}: Option 1 has no feedback. Leave a blank line under it, then write the feedback indented by two spaces. (The line under it has no blank line before it, so it was read as part of the same text.)`,
      ],
    ],
    [
      "an option without a tick box",
      CHECK(":::knowledge-check", "- [x] Right", "", "  Yes.", "", "- Wrong", "", "  No."),
      [`${BODY_START + 7}: Option 2 has no tick box: start it with [x] if it is a right answer, or [ ] if not.`],
    ],
    [
      "no right answer",
      CHECK(":::knowledge-check", "- [ ] A", "", "  No.", "", "- [ ] B", "", "  No."),
      [`${BODY_START + 3}: Mark at least one option as a right answer with [x].`],
    ],
    [
      "two right answers in a single-choice check",
      CHECK(":::knowledge-check", "- [x] A", "", "  Yes.", "", "- [x] B", "", "  Yes."),
      [
        `${BODY_START + 3}: This check has 2 right answers but lets the learner pick only one: add multiple, as in :::knowledge-check{multiple}, or mark one answer with [x].`,
      ],
    ],
    [
      "option ids that do not match the options",
      CHECK(':::knowledge-check{options="a b c"}', "- [x] A", "", "  Yes.", "", "- [ ] B", "", "  No."),
      [
        `${BODY_START}: options="…" lists 3 ids but there are 2 options: give one id per option, in order, or leave options out.`,
      ],
    ],
    [
      "a check without a question",
      [":::knowledge-check", "- [x] A", "", "  Yes.", "", "- [ ] B", "", "  No.", ":::"],
      [`${BODY_START}: This knowledge check has no question: write it on the line after :::knowledge-check.`],
    ],
    [
      "text after the options",
      CHECK(":::knowledge-check", "- [x] A", "", "  Yes.", "", "- [ ] B", "", "  No.", "", "More text."),
      [
        `${BODY_START + 11}: Nothing can follow the options inside a knowledge check. Indent it under one of them, or move it after the closing :::.`,
      ],
    ],
    [
      "a yes-or-no setting with a value",
      CHECK(":::knowledge-check{multiple=often}", "- [x] A", "", "  Yes.", "", "- [ ] B", "", "  No."),
      [`${BODY_START}: multiple is a yes-or-no setting: write just multiple, or leave it out.`],
    ],
    [
      "an unknown attribute",
      [':::reflection{#r1 colour="red"}', "What?", ":::"],
      [`${BODY_START}: :::reflection has no attribute "colour". It accepts: id.`],
    ],
    [
      "a content note without topics",
      [":::content-note", "Careful.", ":::"],
      [
        `${BODY_START}: A content note names its topics, like :::content-note{topics="suicide,self_harm"}. Topics: suicide, self_harm, sexual_violence, abuse, substance_use, bereavement, custom.`,
      ],
    ],
    [
      "an unknown content note topic",
      [':::content-note{topics="suicide, gambling"}', ":::"],
      [
        `${BODY_START}: Unknown content note topic "gambling". Topics: suicide, self_harm, sexual_violence, abuse, substance_use, bereavement, custom.`,
      ],
    ],
    [
      "a custom content note topic without a name",
      [':::content-note{topics="custom"}', ":::"],
      [`${BODY_START}: The content note lists a custom topic: name it with custom="…", for example custom="gambling".`],
    ],
    [
      "a reflection of two paragraphs",
      [":::reflection", "First.", "", "Second.", ":::"],
      [
        `${BODY_START + 3}: A reflection prompt holds one paragraph of text and nothing else. To start a new line, end the line before with a backslash (\\).`,
      ],
    ],
    [
      "an empty reflection",
      [":::reflection", ":::"],
      [`${BODY_START}: This reflection prompt is empty: write the question the learner will answer privately.`],
    ],
    [
      "the same id twice",
      [":::reflection{#same}", "One?", ":::", "", ":::reflection{#same}", "Two?", ":::"],
      [`${BODY_START + 4}: The id "same" is already used on line ${BODY_START}: ids must be unique.`],
    ],
    [
      "an id with spaces or odd characters",
      [':::reflection{id="not ok!"}', "One?", ":::"],
      [`${BODY_START}: The id "not ok!" is not valid: use letters, digits, - and _ only (or leave the id out).`],
    ],
    [
      "a scenario response with a tick box",
      [":::scenario", "A situation.", "", "- [x] Reply", "", "  Maybe.", "", "- Wait", "", "  Maybe.", ":::"],
      [`${BODY_START + 3}: Response 1 has a tick box, but scenario responses are not right or wrong: remove the [ ].`],
    ],
    [
      "a scenario with one response",
      [":::scenario", "A situation.", "", "- Reply", "", "  Maybe.", ":::"],
      [`${BODY_START + 3}: A scenario has 2 to 4 ways to respond; this one has 1.`],
    ],
    [
      "a response without discussion",
      [":::scenario", "A situation.", "", "- Reply", "", "  Maybe.", "", "- Wait", ":::"],
      [
        `${BODY_START + 7}: Response 2 has no discussion. Leave a blank line under it, then write the discussion indented by two spaces.`,
      ],
    ],
    [
      "a heading inside takeaways",
      [":::takeaways", "### Remember", "", "- One", ":::"],
      [`${BODY_START + 1}: Key takeaways hold paragraphs and lists only.`],
    ],
    [
      "empty takeaways",
      [":::takeaways", ":::"],
      [`${BODY_START}: This takeaways block is empty: write the few things to remember, as a list or a paragraph.`],
    ],
    [
      "a line of colons that closes nothing",
      ["Some text.", "", ":::"],
      [
        `${BODY_START + 2}: This line of colons closes no block: remove it, or check that the block above starts with a name, like :::reflection.`,
      ],
    ],
    [
      "a space between the colons and the name",
      ["::: reflection", "What?", ":::"],
      [
        `${BODY_START}: "::: reflection" is not a block: write the block's name straight after the colons, with no space, like :::reflection.`,
      ],
    ],
    [
      "an unknown one-line block",
      ["::note"],
      [
        `${BODY_START}: Unknown block "::note". The blocks are: content-note, reflection, knowledge-check, scenario, takeaways, support, self-care-plan, story.`,
      ],
    ],
    [
      "text in brackets after a block name",
      [":::support[Get help]", ":::"],
      [
        `${BODY_START}: Text in [brackets] after :::support is not used: put the text on the next line, inside the block.`,
      ],
    ],
  ])("%s", (_name, body, expected) => {
    expect(errors(withBody(...body))).toEqual(expected.map((e) => `module.md:${e}`));
  });
});

describe("Markdown the format does not use", () => {
  it.each<[string, string[], number, string]>([
    [
      "a level-1 heading",
      ["# Title"],
      0,
      "Use ## for a section and ### for a heading inside it: the module's title goes in the front matter.",
    ],
    [
      "a level-4 heading",
      ["#### Deep"],
      0,
      "Headings go two levels deep: ## starts a section, ### is a heading inside it.",
    ],
    [
      "a line across the page",
      ["Text.", "", "***"],
      2,
      "Lines across the page (---, ***) are not used: start a new section with ## instead.",
    ],
    [
      "a fenced code block",
      ["```", "code", "```"],
      0,
      "This is read as code (text fenced with ``` or indented by four spaces), which is not part of the module format: remove the fence or the indent.",
    ],
    [
      "HTML",
      ["<div>Hello</div>"],
      0,
      "HTML is not allowed in a module file (this includes <!-- comments -->): use Markdown for formatting.",
    ],
    [
      "inline HTML",
      ["Some <b>bold</b> text."],
      0,
      "HTML is not allowed in a module file (this includes <!-- comments -->). Use Markdown: **bold**, *italic*, [link](https://…).",
    ],
    [
      "a javascript: link",
      ["[Click](javascript:alert(1))"],
      0,
      'The link address "javascript:alert(1)" is not allowed: a link must start with https://, http://, mailto: or tel:, or be a page of Alongside such as /learn/supervision.',
    ],
    [
      "a link relative to the file",
      ["[Home](home.html)"],
      0,
      'The link address "home.html" is not allowed: a link must start with https://, http://, mailto: or tel:, or be a page of Alongside such as /learn/supervision.',
    ],
    ["an image", ["![A picture](https://example.org/a.png)"], 0, "Images are not supported in module files."],
    [
      "inline code",
      ["Use `this`."],
      0,
      "Code (text between `backticks`) is not part of the module format: remove the backticks.",
    ],
    [
      "a tick box outside a knowledge check",
      ["- [ ] A task"],
      0,
      "Tick boxes ([x] and [ ]) belong only in the options of a knowledge check.",
    ],
  ])("%s", (_name, body, offset, message) => {
    expect(errors(withBody(...body))).toEqual([`module.md:${BODY_START + offset}: ${message}`]);
  });

  it("reports every problem in a file at once, in line order", () => {
    const text = [
      "---",
      "title: Many problems",
      "topic: nowhere",
      "estimatedMinutes: 10",
      "---",
      "",
      "# A title",
      "",
      ":::reflect",
      ":::",
      "",
      "Some `code` here.",
    ].join("\n");
    expect(errors(text, "content/many.md")).toEqual([
      'content/many.md:3: Unknown topic "nowhere". Use one of: boundaries, conflict, self_care, trauma_triggers, supervision, other.',
      "content/many.md:7: Use ## for a section and ### for a heading inside it: the module's title goes in the front matter.",
      'content/many.md:9: Unknown block ":::reflect". The blocks are: content-note, reflection, knowledge-check, scenario, takeaways, support, self-care-plan, story.',
      "content/many.md:12: Code (text between `backticks`) is not part of the module format: remove the backticks.",
    ]);
  });

  it("gives the column of a problem inside a line", () => {
    const result = parseModuleFile(withBody("Go to [the page](ftp://example.org) now."), "module.md");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      {
        file: "module.md",
        line: BODY_START,
        column: 7,
        message:
          'The link address "ftp://example.org" is not allowed: a link must start with https://, http://, mailto: or tel:, or be a page of Alongside such as /learn/supervision.',
      },
    ]);
  });
});
