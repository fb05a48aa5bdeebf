import { describe, expect, it } from "vitest";
import type { DocJSON } from "./json";
import { LONG_SENTENCE_WORDS, writingHints } from "./writing-hints";

const heading = (text: string): DocJSON => ({
  type: "heading",
  attrs: { level: 2 },
  content: [{ type: "text", text }],
});
const para = (text: string): DocJSON => ({ type: "paragraph", content: [{ type: "text", text }] });
const note = (...topics: string[]): DocJSON => ({ type: "contentNote", attrs: { topics, customTopic: "" } });
const signpost: DocJSON = { type: "supportSignpost" };
const doc = (...content: DocJSON[]): DocJSON => ({ type: "doc", content });
const words = ["blood", "overdosed on"];

describe("writing hints", () => {
  it("points out a sensitive topic without a content note, naming the section and where its heading is", () => {
    const hints = writingHints(
      doc(heading("Welcome"), para("Hello."), heading("Loss"), para("Grief comes in waves.")),
      {
        graphicWords: words,
      },
    );
    expect(hints).toEqual([
      expect.objectContaining({ kind: "sensitiveTopic", section: "Loss", heading: 1, topic: "bereavement" }),
    ]);
    expect(hints[0]?.message).toMatch(/mentions bereavement and has no content note/);
  });

  it("says nothing of a topic the section's content note already names", () => {
    const hints = writingHints(doc(heading("Loss"), note("bereavement"), para("Grief comes in waves."), signpost), {
      graphicWords: words,
    });
    expect(hints).toEqual([]);
  });

  it("counts an introduction before the first heading as having no heading", () => {
    const hints = writingHints(doc(para("After a relapse, be kind to yourself."), heading("Next")), {
      graphicWords: [],
    });
    expect(hints).toEqual([
      expect.objectContaining({
        kind: "sensitiveTopic",
        section: "Introduction",
        heading: null,
        topic: "substance_use",
      }),
    ]);
  });

  it("points out sentences longer than the limit, and not those at it", () => {
    const at = Array.from({ length: LONG_SENTENCE_WORDS }, (_, i) => `Word${i}`).join(" ");
    const over = `${at} more.`;
    const hints = writingHints(doc(heading("Long"), para(`${at}. Short one. ${over}`)), { graphicWords: [] });
    expect(hints).toHaveLength(1);
    expect(hints[0]).toMatchObject({ kind: "longSentence", section: "Long" });
    expect(hints[0]?.message).toContain(`${LONG_SENTENCE_WORDS + 1} words`);
    expect(hints[0]?.message).toContain("“Word0 Word1 Word2 Word3 Word4 Word5 Word6 Word7…”");
  });

  it("finds listed words and phrases as whole words, whatever their case, once each", () => {
    const hints = writingHints(
      doc(heading("Words"), para("Blood on the floor. More blood. Bloodhounds are dogs. He Overdosed on pills.")),
      { graphicWords: words },
    ).filter((h) => h.kind === "graphicWord");
    expect(hints.map((h) => h.message)).toEqual([
      "“blood” can bring up graphic detail. Is it needed here, or would a gentler word do?",
      "“overdosed on” can bring up graphic detail. Is it needed here, or would a gentler word do?",
    ]);
  });

  it("takes the organisation's list as it is, so an empty list points out no words", () => {
    expect(writingHints(doc(heading("Words"), para("Blood.")), { graphicWords: [] })).toEqual([]);
    // Listed words are read as plain text, never as patterns.
    expect(writingHints(doc(heading("Words"), para("An abc.")), { graphicWords: ["a.c", "["] })).toEqual([]);
    expect(
      writingHints(doc(heading("Words"), para("A scalpel (sharp).")), { graphicWords: ["(sharp)"] }).map((h) => h.kind),
    ).toEqual(["graphicWord"]);
  });

  it("points out a content note with no support signpost after it in the section", () => {
    const before = writingHints(doc(heading("Hard"), signpost, note("abuse"), para("Abuse happens.")), {
      graphicWords: [],
    });
    expect(before.map((h) => h.kind)).toEqual(["noSignpostAfterNote"]);
    const after = writingHints(doc(heading("Hard"), note("abuse"), para("Abuse happens."), signpost), {
      graphicWords: [],
    });
    expect(after).toEqual([]);
  });

  it("does not read a content note's own words as the section mentioning the topic", () => {
    const hints = writingHints(doc(heading("Care"), note("custom"), para("Look after yourself.")), {
      graphicWords: [],
    });
    expect(hints.map((h) => h.kind)).toEqual(["noSignpostAfterNote"]);
  });
});
