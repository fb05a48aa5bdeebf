import type { JSONContent } from "@tiptap/core";
import type { DocJSON } from "../documents/json";

/** Builders for documents in tests, and one document that uses every node type and mark. */

export type Mark = NonNullable<JSONContent["marks"]>[number];
export const text = (value: string, ...marks: Mark[]): JSONContent => ({
  type: "text",
  text: value,
  ...(marks.length ? { marks } : {}),
});
export const bold: Mark = { type: "bold" };
export const italic: Mark = { type: "italic" };
export const link = (href: string, title: string | null = null): Mark => ({ type: "link", attrs: { href, title } });
export const comment = (threadId: string): Mark => ({ type: "comment", attrs: { threadId } });
export const p = (...content: JSONContent[]): JSONContent => ({ type: "paragraph", content });
export const part = (type: string, ...content: JSONContent[]): JSONContent => ({ type, content });
export const br = (...marks: Mark[]): JSONContent => ({ type: "hardBreak", ...(marks.length ? { marks } : {}) });
export const doc = (...content: JSONContent[]): DocJSON => ({ type: "doc", content });

export function option(id: string, correct: boolean, answer: string, feedback: JSONContent[]): JSONContent {
  return {
    type: "checkOption",
    attrs: { id, correct },
    content: [part("optionText", text(answer)), { type: "optionFeedback", content: feedback }],
  };
}

export function response(id: string, answer: string, discussion: string): JSONContent {
  return {
    type: "scenarioResponse",
    attrs: { id },
    content: [part("responseText", text(answer)), part("responseDiscussion", text(discussion))],
  };
}

/** A document using every node type and every mark the schema has (checked below). */
export const everything: DocJSON = doc(
  p(text("Before the first section.")),
  { type: "heading", attrs: { level: 2 }, content: [text("A section "), text("heading", italic)] },
  { type: "contentNote", attrs: { topics: ["suicide", "self_harm"], customTopic: "" }, content: [text("A note.")] },
  { type: "contentNote", attrs: { topics: ["custom", "bereavement"], customTopic: "Gambling harm" } },
  p(
    text("Plain, "),
    text("bold", bold),
    text(", "),
    text("italic", italic),
    text(", "),
    text("both", bold, italic),
    text(" and a "),
    text("link", link("https://example.org/a_(b)?c=d&e=f", 'The "title"')),
    text(" with "),
    text("bold inside", link("https://example.org"), bold),
    text("."),
    br(),
    text("After a hard break, a "),
    text("phone", link("tel:116123")),
    text(" and an "),
    text("email", link("mailto:help@example.org")),
    text("."),
  ),
  { type: "heading", attrs: { level: 3 }, content: [text("A sub-heading")] },
  {
    type: "bulletList",
    content: [
      { type: "listItem", content: [p(text("One"))] },
      {
        type: "listItem",
        content: [
          p(text("Two")),
          p(text("Two, second paragraph")),
          {
            type: "orderedList",
            attrs: { start: 1, type: null },
            content: [{ type: "listItem", content: [p(text("Nested"))] }],
          },
        ],
      },
    ],
  },
  {
    type: "orderedList",
    attrs: { start: 4, type: null },
    content: [
      { type: "listItem", content: [p(text("Four"))] },
      { type: "listItem", content: [p(text("Five"))] },
    ],
  },
  { type: "blockquote", content: [p(text("Quoted")), p(text("Quoted again", bold))] },
  {
    type: "reflectionPrompt",
    attrs: { id: "r-one" },
    content: [text("What do you "), text("notice", italic), text("?")],
  },
  {
    type: "knowledgeCheck",
    attrs: { id: "kc-one", multiple: true },
    content: [
      part("checkQuestion", text("Which of these "), text("apply", bold), text("?")),
      option("o1", true, "Listening", [text("Yes, "), text("listening", italic), text(" matters.")]),
      option("o2", false, "Lending money", [
        text("No."),
        br(),
        text("Point them to "),
        text("help", link("https://example.org/help")),
      ]),
      option("o3", true, "Signposting", [text("Yes.")]),
    ],
  },
  {
    type: "knowledgeCheck",
    attrs: { id: "kc-two", multiple: false },
    content: [
      part("checkQuestion", text("Single choice?")),
      option("p1", false, "No", [text("Not this one.")]),
      option("p2", true, "Yes", [text("This one.")]),
    ],
  },
  {
    type: "scenario",
    attrs: { id: "sc-one" },
    content: [
      part("scenarioSituation", text("It is 11:30pm and a text arrives: "), text("can we talk?", italic)),
      response("s1", "Reply now", "Sets an expectation."),
      response("s2", "Reply tomorrow at 10", "Keeps your hours, kindly."),
    ],
  },
  {
    type: "keyTakeaway",
    content: [
      p(text("Remember:")),
      { type: "bulletList", content: [{ type: "listItem", content: [p(text("Your hours"))] }] },
      {
        type: "orderedList",
        attrs: { start: 1, type: null },
        content: [{ type: "listItem", content: [p(text("Ask"))] }],
      },
    ],
  },
  { type: "supportSignpost", content: [text("If this stirred things up, "), text("talk to someone", bold), text(".")] },
  { type: "supportSignpost" },
  { type: "selfCarePlan", content: [text("Looking after yourself is "), text("part of the work", bold), text(".")] },
  { type: "selfCarePlan" },
  {
    type: "story",
    attrs: { id: "st-one", storyteller: "user-1", credit: "anonymous", scope: "organisation", reviewOn: "2027-06-30" },
    content: [
      p(text("The first time someone texted me at midnight, "), text("I answered", italic), text(".")),
      p(text("I learned.")),
    ],
  },
  { type: "story", attrs: { id: "st-two", withdrawn: true } },
  {
    type: "image",
    attrs: { imageId: "ImageOfABenchInAPark01", alt: "A bench in a park", decorative: false, width: 1600, height: 900 },
  },
  { type: "image", attrs: { imageId: "ALeafPatternForAMargin", alt: "", decorative: true, width: 640, height: 480 } },
);
