import { EditorState } from "@tiptap/pm/state";
import { describe, expect, it } from "vitest";
import { documentSchema } from "../../modules/documents/extensions";
import { newSuggestionId } from "../../modules/documents/suggestion-ids";
import { openSuggestions } from "../../modules/documents/suggestions";
import { doc, p, text } from "../../modules/testing/documents";
import { decideSuggestion, suggestedTransaction } from "./suggesting";

const ALEX = "alex";
const BEA = "bea";
const alexs = newSuggestionId(ALEX);

/** "Rest well always." with "well" suggested by Alex as `kind`; "well" ends at position 10. */
function withAlexs(kind: "insertion" | "deletion", id = alexs) {
  const json = doc(p(text("Rest "), text("well", { type: kind, attrs: { id } }), text(" always.")));
  return EditorState.create({ schema: documentSchema, doc: documentSchema.nodeFromJSON(json) });
}

/** Bea's change to `state`, as her editor in Suggesting would apply it. */
function asBea(state: EditorState, change: (tr: EditorState["tr"]) => void) {
  const tr = state.tr;
  change(tr);
  return state.apply(suggestedTransaction(tr, state, BEA));
}

const decide = (state: EditorState, id: string, accept: boolean) => {
  let next = state;
  decideSuggestion(id, accept)(state, (tr) => {
    next = state.apply(tr);
  });
  return next;
};

describe("suggesting right beside someone else's suggestion", () => {
  it("keeps the new words a suggestion of their own, in the name of who typed them", () => {
    const state = asBea(withAlexs("insertion"), (tr) => tr.insertText("!", 10));
    const open = openSuggestions(state.doc.toJSON());
    expect(open.map((s) => [s.author, s.added])).toEqual([
      [ALEX, "well"],
      [BEA, "!"],
    ]);
    expect(open[0]?.id).toBe(alexs);

    const bea = open[1]?.id ?? "";
    expect(decide(state, alexs, true).doc.textContent).toBe("Rest well! always.");
    expect(openSuggestions(decide(state, alexs, true).doc.toJSON()).map((s) => s.id)).toEqual([bea]);
    expect(decide(state, bea, false).doc.textContent).toBe("Rest well always.");
    expect(openSuggestions(decide(state, bea, false).doc.toJSON()).map((s) => s.id)).toEqual([alexs]);
    expect(decide(decide(state, alexs, false), bea, true).doc.textContent).toBe("Rest ! always.");
  });

  it("keeps a removal beside another person's removal in the name of who removed it", () => {
    const state = asBea(withAlexs("deletion"), (tr) => tr.delete(10, 17));
    const open = openSuggestions(state.doc.toJSON());
    expect(open.map((s) => [s.author, s.removed])).toEqual([
      [ALEX, "well"],
      [BEA, "always"],
    ]);
    const bea = open[1]?.id ?? "";
    expect(decide(state, bea, true).doc.textContent).toBe("Rest well.");
    expect(decide(state, alexs, true).doc.textContent).toBe("Rest always.");
    expect(decide(decide(state, alexs, false), bea, false).doc.textContent).toBe("Rest well always.");
  });

  it("still joins one's own suggestion when typing right beside it", () => {
    const own = newSuggestionId(BEA);
    const state = asBea(withAlexs("insertion", own), (tr) => tr.insertText("!", 10));
    expect(openSuggestions(state.doc.toJSON())).toEqual([expect.objectContaining({ id: own, added: "well!" })]);
  });

  it("leaves a neighbour's suggestion its own when typing between two people's suggestions", () => {
    const other = newSuggestionId("cai");
    const json = doc(
      p(
        text("Rest "),
        text("well", { type: "insertion", attrs: { id: alexs } }),
        text(" always", { type: "insertion", attrs: { id: other } }),
      ),
    );
    const start = EditorState.create({ schema: documentSchema, doc: documentSchema.nodeFromJSON(json) });
    const state = asBea(start, (tr) => tr.insertText("!", 10));
    expect(
      openSuggestions(state.doc.toJSON()).map((s) => [s.id === alexs || s.id === other ? s.id : s.author, s.added]),
    ).toEqual([
      [alexs, "well"],
      [BEA, "!"],
      [other, "always"],
    ]);
  });
});

describe("deciding a suggestion across blocks", () => {
  it("joins the blocks again when a suggested break is rejected, or a removal across them accepted", () => {
    const start = EditorState.create({
      schema: documentSchema,
      doc: documentSchema.nodeFromJSON(doc(p(text("Rest well.")), p(text("Always rest.")))),
    });
    const split = asBea(start, (tr) => tr.split(5));
    const [broken] = openSuggestions(split.doc.toJSON());
    expect(split.doc.childCount).toBe(3);
    const rejoined = decide(split, broken?.id ?? "", false);
    expect(rejoined.doc.toJSON()).toEqual(start.doc.toJSON());

    const removed = asBea(start, (tr) => tr.delete(6, 20));
    const [removal] = openSuggestions(removed.doc.toJSON());
    expect(decide(removed, removal?.id ?? "", true).doc.textContent).toBe("Rest rest.");
    expect(decide(removed, removal?.id ?? "", false).doc.toJSON()).toEqual(start.doc.toJSON());
  });
});

describe("a long paste right beside someone else's suggestion", () => {
  it("is one suggestion in the name of who pasted it, renamed in one step", () => {
    const state = withAlexs("insertion");
    const pasted = "x".repeat(5000);
    const tr = state.tr.insertText(pasted, 10);
    const suggested = suggestedTransaction(tr, state, BEA);
    const open = openSuggestions(state.apply(suggested).doc.toJSON());
    expect(open.map((s) => [s.author, s.added])).toEqual([
      [ALEX, "well"],
      [BEA, pasted],
    ]);
    expect(suggested.steps.length).toBeLessThan(10);
  });
});
