/**
 * Readers of a draft (preview, exports, search, the learner renderer) see it with every open
 * suggestion rejected: words suggested for removal kept, suggested words and blocks left out, and no
 * suggestion mark ever shown as text.
 */
import { describe, expect, it } from "vitest";
import { exportModule } from "../content/service";
import { versionContent } from "../publishing/content";
import { documentText } from "../search/indexing";
import { testDatabase } from "../testing/database";
import { makeOrganisation } from "../testing/fixtures";
import { createModule } from "../workshop/service";
import type { DocJSON } from "./json";
import { validateDoc } from "./json";
import { renderDocumentHTML } from "./render";
import { newSuggestionId } from "./suggestion-ids";
import { openSuggestions, withoutSuggestions } from "./suggestions";

const author = "priya-user-id-00000000";
const added = newSuggestionId(author);
const removed = newSuggestionId(author);
const block = newSuggestionId(author);

const text = (t: string, marks?: DocJSON["marks"]): DocJSON => ({ type: "text", text: t, ...(marks ? { marks } : {}) });

/** A draft with a suggested insertion, a suggested removal, and a whole paragraph suggested. */
const DRAFT: DocJSON = {
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 2 }, content: [text("Rest")] },
    {
      type: "paragraph",
      content: [
        text("Rest is "),
        text("really ", [{ type: "insertion", attrs: { id: added } }]),
        text("part of the work"),
        text(", always", [{ type: "deletion", attrs: { id: removed } }]),
        text("."),
      ],
    },
    {
      type: "paragraph",
      attrs: { suggestion: `insertion:${block}` },
      content: [text("A whole new paragraph.", [{ type: "insertion", attrs: { id: block } }])],
    },
  ],
};

describe("a draft with open suggestions", () => {
  it("is valid for the shared schema, and lists each suggestion with its author", () => {
    expect(validateDoc(DRAFT)).toEqual({ ok: true });
    expect(openSuggestions(DRAFT)).toEqual([
      { id: added, author, kinds: ["insertion"], added: "really", removed: "", blocks: 0 },
      { id: removed, author, kinds: ["deletion"], added: "", removed: ", always", blocks: 0 },
      { id: block, author, kinds: ["insertion"], added: "A whole new paragraph.", blocks: 1, removed: "" },
    ]);
  });

  it("reads, with every suggestion rejected, as it was before anyone suggested", () => {
    const settled = withoutSuggestions(DRAFT);
    expect(openSuggestions(settled)).toEqual([]);
    expect(validateDoc(settled)).toEqual({ ok: true });
    expect(documentText(settled)).toMatch(/^Rest\s+Rest is part of the work, always\.$/);
  });

  it("renders deletions kept and insertions dropped, in every renderer, with no suggestion marks", () => {
    const html = renderDocumentHTML(DRAFT);
    expect(html).toContain("Rest is part of the work, always.");
    expect(html).not.toMatch(/really|A whole new paragraph|<ins|<del|data-suggestion/);
    expect(versionContent(DRAFT).html).toBe(html);
    expect(JSON.stringify(versionContent(DRAFT).doc)).not.toMatch(/insertion|deletion|really/);
  });

  it("is exported as a content file and indexed for search without the suggestions", () => {
    const database = testDatabase();
    try {
      const { db } = database;
      const org = makeOrganisation(db);
      const fran = org.member(["facilitator"], "Fran Mills");
      const { id } = createModule(db, {
        orgId: org.org.id,
        createdBy: fran.user.id,
        title: "Rest",
        topic: "self_care",
        customTopic: "",
        summary: "",
        estimatedMinutes: 10,
        doc: DRAFT,
      });
      const file = exportModule(db, id);
      expect(file).toContain("Rest is part of the work, always.");
      expect(file).not.toMatch(/really|A whole new paragraph|<ins|<del/);
      const row = db.$client.prepare("select body from module_search_text where module_id = ?").get(id) as {
        body: string;
      };
      expect(row.body).not.toMatch(/really|whole new/);
      expect(row.body).toContain("always");
    } finally {
      database.close();
    }
  });
});
