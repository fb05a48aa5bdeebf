import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { documentSchema } from "../documents/extensions";
import { addParagraph, paragraphText, updateFrom } from "../testing/collab-harness";
import { FRAGMENT } from "./protocol";
import { onlyEditsText } from "./update-shape";

const holdsText = (name: string) => documentSchema.nodes[name]?.inlineContent === true;

/** A server copy and a client copy of one document, with two paragraphs. */
function twoCopies() {
  const server = new Y.Doc();
  addParagraph(server, "Agree your hours.");
  addParagraph(server, "Tell people early.");
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  return { server, client };
}

const judged = (change: (doc: Y.Doc) => void) => {
  const { server, client } = twoCopies();
  return onlyEditsText(server, Y.decodeUpdate(updateFrom(client, change)), holdsText);
};

describe("recognising an update that only edits text", () => {
  it("takes typing, deleting and removing formatting in existing text without a copy", () => {
    expect(judged((doc) => paragraphText(doc, 0).insert(5, "all of "))).toBe(true);
    expect(judged((doc) => paragraphText(doc, 1).insert(paragraphText(doc, 1).length, " Kindly."))).toBe(true);
    expect(judged((doc) => paragraphText(doc, 0).insert(0, "Please "))).toBe(true);
    expect(judged((doc) => paragraphText(doc, 0).delete(0, 6))).toBe(true);
  });

  it("leaves everything else to be judged on a copy", () => {
    expect(judged((doc) => addParagraph(doc, "A new paragraph."))).toBe(false);
    expect(judged((doc) => paragraphText(doc, 0).format(0, 5, { bold: {} }))).toBe(false);
    expect(judged((doc) => doc.getXmlFragment(FRAGMENT).delete(0, 1))).toBe(false);
    expect(judged((doc) => (doc.getXmlFragment(FRAGMENT).get(0) as Y.XmlElement).setAttribute("x", "y"))).toBe(false);
    expect(judged((doc) => doc.getText("elsewhere").insert(0, "text"))).toBe(false);
  });

  it("does not take text typed where no text may go", () => {
    const server = new Y.Doc();
    const check = new Y.XmlElement("knowledgeCheck");
    const hidden = new Y.XmlText();
    check.insert(0, [hidden]);
    server.getXmlFragment(FRAGMENT).push([check]);
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    const typed = updateFrom(client, (doc) => {
      const text = (doc.getXmlFragment(FRAGMENT).get(0) as Y.XmlElement).get(0) as Y.XmlText;
      text.insert(0, "Hidden words.");
    });
    expect(onlyEditsText(server, Y.decodeUpdate(typed), holdsText)).toBe(false);
  });

  it("does not take an update that waits for changes the server never received", () => {
    const { server, client } = twoCopies();
    updateFrom(client, (doc) => paragraphText(doc, 0).insert(0, "First "));
    const second = updateFrom(client, (doc) => paragraphText(doc, 0).insert(6, "second "));
    expect(onlyEditsText(server, Y.decodeUpdate(second), holdsText)).toBe(false);
  });
});
