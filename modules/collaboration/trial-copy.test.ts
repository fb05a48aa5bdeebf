import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addParagraph, paragraphText, updateFrom } from "../testing/collab-harness";
import { documentJSON, trialOf } from "./trial-copy";
import { yDocToRawJSON } from "./ydoc";

/** A live document on the server, and a client's copy of it that makes updates. */
function live() {
  const server = new Y.Doc();
  addParagraph(server, "Agree your hours.");
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  const typed = (words: string) => updateFrom(client, (doc) => paragraphText(doc, 0).insert(0, words));
  return { server, client, typed };
}

const textOf = (doc: Y.Doc | null) => JSON.stringify(doc ? yDocToRawJSON(doc) : null);

describe("trying an update on the copy kept beside a live document", () => {
  it("shows the document as it would be after the update, and as it is after it is taken and applied", () => {
    const { server, typed } = live();
    const update = typed("Please ");
    const trial = trialOf(server, update);
    expect(textOf(trial.after())).toContain("Please Agree your hours.");
    trial.settle(true);
    Y.applyUpdate(server, update);
    const next = typed("Kindly ");
    const second = trialOf(server, next);
    // The copy the first trial made is the one the second goes on from, not a new one.
    expect(second.after()).toBe(trial.after());
    expect(textOf(second.after())).toContain("Kindly Please Agree your hours.");
    second.settle(true);
    Y.applyUpdate(server, next);
    expect(textOf(server)).toContain("Kindly Please Agree your hours.");
  });

  it("keeps nothing of a refused update in the next trial", () => {
    const { server, typed } = live();
    const refused = typed("Never ");
    const trial = trialOf(server, refused);
    expect(textOf(trial.after())).toContain("Never Agree");
    trial.settle(false);
    // Someone else's update is judged on the live document, which never had the refused words.
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(server));
    const later = updateFrom(other, (doc) => paragraphText(doc, 0).insert(paragraphText(doc, 0).length, " Kindly."));
    const next = trialOf(server, later);
    expect(textOf(next.after())).not.toContain("Never");
    expect(textOf(next.after())).toContain("Agree your hours. Kindly.");
    next.settle(true);
  });

  it("keeps nothing of an update that was taken but never reached the live document", () => {
    const { server, typed } = live();
    const lost = trialOf(server, typed("Lost "));
    expect(textOf(lost.after())).toContain("Lost Agree");
    lost.settle(true);
    // The connection closed before the update was applied: the live document never had it.
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(server));
    const update = updateFrom(other, (doc) => addParagraph(doc, "Tell people early."));
    const next = trialOf(server, update);
    expect(textOf(next.after())).not.toContain("Lost");
    expect(textOf(next.after())).toContain("Tell people early.");
    next.settle(false);
  });

  it("refuses to show an update whose earlier changes the server never had", () => {
    const { server, client, typed } = live();
    typed("Missing ");
    const sv = Y.encodeStateVector(client);
    paragraphText(client, 0).insert(0, "After ");
    const dependent = Y.encodeStateAsUpdate(client, sv);
    const trial = trialOf(server, dependent);
    expect(trial.after()).toBeNull();
    trial.settle(false);
    const fine = trialOf(
      server,
      updateFrom(new Y.Doc(), () => undefined),
    );
    expect(textOf(fine.after())).toContain("Agree your hours.");
  });
});

describe("reading a live document's content", () => {
  it("follows every change to the document, including deletions that leave its state vector as it was", () => {
    const { server } = live();
    expect(JSON.stringify(documentJSON(server))).toContain("Agree your hours.");
    paragraphText(server, 0).insert(0, "Please ");
    expect(JSON.stringify(documentJSON(server))).toContain("Please Agree");
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    Y.applyUpdate(
      server,
      updateFrom(client, (doc) => paragraphText(doc, 0).delete(0, 7)),
    );
    expect(JSON.stringify(documentJSON(server))).not.toContain("Please");
    expect(documentJSON(server)).toEqual(yDocToRawJSON(server));
  });
});
