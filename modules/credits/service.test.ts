import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { contextFor } from "../auth/context";
import { FRAGMENT } from "../collaboration/protocol";
import { startThread } from "../comments/service";
import { newSuggestionId } from "../documents/suggestion-ids";
import { storeCollab } from "../testing/collab";
import { testDatabase } from "../testing/database";
import { makeOrganisation } from "../testing/fixtures";
import { removeCollaborator, setCollaborator } from "../workshop/collaborators";
import { createModule } from "../workshop/service";
import { listContributions } from "./service";

let database: ReturnType<typeof testDatabase>;
beforeEach(() => {
  database = testDatabase();
});
afterEach(() => database.close());

function threePeopleOnOneModule() {
  const { db } = database;
  const org = makeOrganisation(db);
  const fran = org.member(["facilitator"], "Fran Mills");
  const jordan = org.member(["co_designer"], "Jordan Lee");
  const priya = org.member(["co_designer"], "Priya Shah");
  const { id: moduleId } = createModule(db, {
    orgId: org.org.id,
    createdBy: fran.user.id,
    title: "Saying no kindly",
    topic: "boundaries",
    customTopic: "",
    summary: "",
    estimatedMinutes: 15,
  });
  setCollaborator(contextFor(db, fran.actor), moduleId, jordan.user.id, "co_designer");
  setCollaborator(contextFor(db, fran.actor), moduleId, priya.user.id, "co_designer");
  return { db, fran, jordan, priya, moduleId, collab: storeCollab(db) };
}

const fragment = (doc: Y.Doc) => doc.getXmlFragment(FRAGMENT);

function block(type: string, words: string) {
  const element = new Y.XmlElement(type);
  element.insert(0, [new Y.XmlText(words)]);
  return element;
}

/** The element at a place in the document, and its text. */
function textAt(doc: Y.Doc, index: number): Y.XmlText {
  const element = fragment(doc).get(index);
  const text = element instanceof Y.XmlElement ? element.get(0) : null;
  if (!(text instanceof Y.XmlText)) throw new Error(`no text at ${index}`);
  return text;
}

const measured = (db: typeof database.db, moduleId: string) =>
  Object.fromEntries(
    listContributions(db, moduleId).map((c) => [
      c.realName,
      { characters: c.characters, blocks: c.blocks, comments: c.comments },
    ]),
  );

describe("contributions", () => {
  it("count what each person's work left in the module, not what was later undone or removed", async () => {
    const { db, fran, jordan, priya, moduleId, collab } = threePeopleOnOneModule();
    // Fran writes a sentence (24 characters), after the blank line a new module starts with.
    await collab.change(moduleId, fran.user.id, (doc) =>
      fragment(doc).push([block("paragraph", "Saying no can be caring.")]),
    );
    // Jordan adds three reflection prompts, then takes two of them out again.
    await collab.change(moduleId, jordan.user.id, (doc) =>
      fragment(doc).push([
        block("reflectionPrompt", "When?"),
        block("reflectionPrompt", "Why?"),
        block("reflectionPrompt", "Who?"),
      ]),
    );
    await collab.change(moduleId, jordan.user.id, (doc) => fragment(doc).delete(3, 2));
    // Priya writes a paragraph, and Jordan later rewrites it completely.
    await collab.change(moduleId, priya.user.id, (doc) => fragment(doc).push([block("paragraph", "Be clear.")]));
    await collab.change(moduleId, jordan.user.id, (doc) => {
      const text = textAt(doc, 3);
      text.delete(0, text.length);
      text.insert(0, "Be kind.");
    });
    // Jordan trims "can be" from Fran's sentence (7 characters).
    await collab.change(moduleId, jordan.user.id, (doc) => textAt(doc, 1).delete(10, 7));
    startThread(contextFor(db, priya.actor), moduleId, { quote: "Be kind.", body: "Much better." });

    expect(collab.current(moduleId).content?.map((n) => n.type)).toEqual([
      "paragraph",
      "paragraph",
      "reflectionPrompt",
      "paragraph",
    ]);
    expect(measured(db, moduleId)).toEqual({
      "Fran Mills": { characters: 17, blocks: 0, comments: 0 },
      "Jordan Lee": { characters: "When?".length + "Be kind.".length, blocks: 1, comments: 0 },
      "Priya Shah": { characters: 0, blocks: 0, comments: 1 },
    });
  });

  it("count an accepted suggestion as its author's, and a rejected one as nobody's", async () => {
    const { db, fran, jordan, priya, moduleId, collab } = threePeopleOnOneModule();
    await collab.change(moduleId, fran.user.id, (doc) =>
      fragment(doc).push([block("paragraph", "Saying no can be caring.")]),
    );
    const jordans = newSuggestionId(jordan.user.id);
    const priyas = newSuggestionId(priya.user.id);
    await collab.change(moduleId, jordan.user.id, (doc) =>
      textAt(doc, 1).insert(24, " Gently.", { insertion: { id: jordans } }),
    );
    await collab.change(moduleId, priya.user.id, (doc) =>
      textAt(doc, 1).insert(0, "Maybe: ", { insertion: { id: priyas } }),
    );
    // Fran accepts Jordan's words and rejects Priya's.
    await collab.change(moduleId, fran.user.id, (doc) => textAt(doc, 1).format(31, 8, { insertion: null }));
    await collab.change(moduleId, fran.user.id, (doc) => textAt(doc, 1).delete(0, 7));

    expect(collab.current(moduleId).content?.[1]?.content).toEqual([
      { type: "text", text: "Saying no can be caring. Gently." },
    ]);
    expect(measured(db, moduleId)).toMatchObject({
      "Fran Mills": { characters: 24 },
      "Jordan Lee": { characters: " Gently.".length },
      "Priya Shah": { characters: 0 },
    });
  });

  it("still credit someone whose words were all reworded, even after they left the module", async () => {
    const { db, fran, jordan, priya, moduleId, collab } = threePeopleOnOneModule();
    await collab.change(moduleId, priya.user.id, (doc) => fragment(doc).push([block("keyTakeaway", "Rest.")]));
    await collab.change(moduleId, jordan.user.id, (doc) => fragment(doc).delete(1, 1));
    removeCollaborator(contextFor(db, fran.actor), moduleId, priya.user.id);

    const priyas = listContributions(db, moduleId).find((c) => c.userId === priya.user.id);
    expect(priyas).toMatchObject({ current: false, role: null, characters: 0, blocks: 0 });
  });

  it("leave out someone taken off the module who never wrote or commented", () => {
    const { db, fran, priya, moduleId } = threePeopleOnOneModule();
    removeCollaborator(contextFor(db, fran.actor), moduleId, priya.user.id);
    expect(listContributions(db, moduleId).map((c) => c.realName)).toEqual(["Fran Mills", "Jordan Lee"]);
  });
});
