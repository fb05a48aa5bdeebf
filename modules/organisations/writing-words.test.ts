import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { contextFor } from "../auth/context";
import { testDatabase } from "../testing/database";
import { makeOrganisation } from "../testing/fixtures";
import { graphicDetailWordsSchema } from "./schemas";
import { DEFAULT_GRAPHIC_DETAIL_WORDS, graphicDetailWords, setGraphicDetailWords } from "./writing-words";

let database: ReturnType<typeof testDatabase>;
beforeEach(() => {
  database = testDatabase();
});
afterEach(() => database.close());

describe("the words the writing hints point out", () => {
  it("start as the default list, and each organisation's admins change only their own", () => {
    const { db } = database;
    const first = makeOrganisation(db, "First Service");
    const second = makeOrganisation(db, "Second Service");
    const writer = first.member(["facilitator"], "Fran Writer");
    expect(graphicDetailWords(contextFor(db, writer.actor))).toEqual(DEFAULT_GRAPHIC_DETAIL_WORDS);

    setGraphicDetailWords(contextFor(db, first.admin.actor), { words: ["scalpel", "bled out"] });
    expect(graphicDetailWords(contextFor(db, writer.actor))).toEqual(["scalpel", "bled out"]);
    expect(graphicDetailWords(contextFor(db, second.admin.actor))).toEqual(DEFAULT_GRAPHIC_DETAIL_WORDS);

    setGraphicDetailWords(contextFor(db, first.admin.actor), { words: [] });
    expect(graphicDetailWords(contextFor(db, writer.actor))).toEqual([]);
  });

  it("are read one to a line, trimmed, in lower case and each kept once", () => {
    expect(graphicDetailWordsSchema.parse({ words: " Blood \r\n\n  bled   out\nblood\n" })).toEqual({
      words: ["blood", "bled out"],
    });
    expect(graphicDetailWordsSchema.parse({ words: "" })).toEqual({ words: [] });
  });

  it("say what to fix when a line is too long or there are too many", () => {
    const message = (words: string) => graphicDetailWordsSchema.safeParse({ words }).error?.issues[0]?.message;
    expect(message("x".repeat(61))).toBe(
      "Each line can be at most 60 characters: put one word or short phrase on each line.",
    );
    expect(message(Array.from({ length: 201 }, (_, i) => `word${i}`).join("\n"))).toBe(
      "Keep the list to 200 words or phrases.",
    );
  });
});
