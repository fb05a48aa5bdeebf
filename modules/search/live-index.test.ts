/** The search index follows what people type in the editor, once the collaboration server stores it. */
import { describe, expect, it } from "vitest";
import { contextFor } from "../auth/context";
import { addParagraph, collabTestbed, TEST_MS, until } from "../testing/collab-harness";
import { searchModules } from "./index";
import { parseQuery } from "./query";

describe("the search index and the live editor", () => {
  const bed = collabTestbed();

  it(
    "finds a word typed in the editor after the server stores the document",
    async () => {
      const { db, people } = bed;
      const moduleId = bed.newModule("Staying well");
      const fran = contextFor(db, people.facilitator.actor);
      expect(searchModules(fran, parseQuery("equanimity"))).toEqual([]);
      const alice = await bed.connectSynced(people.alice, moduleId);
      addParagraph(alice.document, "Practising equanimity on long shifts.");
      const found = await until(
        () => searchModules(fran, parseQuery("equanimity")).at(0),
        "the typed word to be searchable",
        15_000,
      );
      expect(found.id).toBe(moduleId);
      expect(found.excerpt).toContainEqual({ text: "equanimity", mark: true });
      const bob = contextFor(db, people.bob.actor);
      expect(searchModules(bob, parseQuery("equanimity")).map((m) => m.id)).toEqual([moduleId]);
    },
    TEST_MS,
  );
});
