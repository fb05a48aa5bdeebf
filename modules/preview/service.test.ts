import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { moduleVersions, progressEvents, reflections } from "../../db/schema";
import { contextFor } from "../auth/context";
import { ForbiddenError, InvalidError, NotFoundError } from "../shared/errors";
import { storeCollab } from "../testing/collab";
import { addParagraph } from "../testing/collab-harness";
import { testDatabase } from "../testing/database";
import { doc, option, p, part, text } from "../testing/documents";
import { makeOrganisation } from "../testing/fixtures";
import { createModule } from "../workshop/service";
import { checkPreviewAnswer, previewSection } from "./service";

let database: ReturnType<typeof testDatabase>;
beforeEach(() => {
  database = testDatabase();
});
afterEach(() => database.close());

const heading = (title: string) => ({ type: "heading", attrs: { level: 2 }, content: [text(title)] });

/** A draft of two sections, the second with a content note, a knowledge check and a reflection prompt. */
function draft() {
  const { db } = database;
  const org = makeOrganisation(db, "Northern Peer Support");
  const fran = org.member(["facilitator"], "Fran Mills");
  const sam = org.member(["trainer"], "Sam Taylor");
  const { id: moduleId } = createModule(db, {
    orgId: org.org.id,
    createdBy: fran.user.id,
    title: "Saying no kindly",
    topic: "boundaries",
    customTopic: "",
    summary: "",
    estimatedMinutes: 10,
    doc: doc(
      heading("Why boundaries"),
      p(text("A clear no can be kind.")),
      heading("When it is hard"),
      { type: "contentNote", attrs: { topics: ["suicide"], customTopic: "" }, content: [text("About suicide.")] },
      {
        type: "knowledgeCheck",
        attrs: { id: "kc-1", multiple: false },
        content: [
          part("checkQuestion", text("What keeps both people safe?")),
          option("kc-1-wrong", false, "Always answering at once", [text("Not this one.")]),
          option("kc-1-right", true, "Agreeing your hours", [text("Yes, agreed hours help.")]),
        ],
      },
      { type: "reflectionPrompt", attrs: { id: "r-1" }, content: [text("What do you find hard?")] },
    ),
  });
  return { db, fran, sam, moduleId };
}

describe("previewing a draft", () => {
  it("shows the draft as it is saved now, section by section, as the learner's page is shaped", async () => {
    const { db, fran, moduleId } = draft();
    await storeCollab(db).change(moduleId, fran.user.id, (d) => addParagraph(d, "Added a moment ago."));
    const ctx = contextFor(db, fran.actor);
    const first = previewSection(ctx, moduleId, 1);
    expect(first.module).toMatchObject({ title: "Saying no kindly", sectionCount: 2 });
    expect(first.section).toMatchObject({ index: 1, title: "Why boundaries", contentNote: null });
    expect(first).toMatchObject({ previous: null, next: 2 });
    const second = previewSection(ctx, moduleId, 2);
    expect(second.section.contentNote).toEqual(["Suicide"]);
    expect(second.parts.map((p) => p.kind)).toEqual(["note", "check", "reflection", "html"]);
    expect(JSON.stringify(second.parts.at(-1))).toContain("Added a moment ago.");
    expect(second).toMatchObject({ previous: 1, next: null });
  });

  it("marks an answer tried in preview and shows its feedback, writing no progress, answer or journal row", () => {
    const { db, fran, moduleId } = draft();
    const ctx = contextFor(db, fran.actor);
    expect(checkPreviewAnswer(ctx, moduleId, 2, { checkId: "kc-1", chosen: ["kc-1-wrong"] })).toEqual({
      checkId: "kc-1",
      chosen: ["kc-1-wrong"],
      correct: false,
    });
    const page = previewSection(ctx, moduleId, 2, { checkId: "kc-1", chosen: ["kc-1-right"] });
    const check = page.parts.find((p) => p.kind === "check");
    expect(check && "answer" in check ? check.answer : undefined).toEqual({ answer: ["kc-1-right"], correct: true });
    expect(db.select().from(progressEvents).all()).toEqual([]);
    expect(db.select().from(reflections).all()).toEqual([]);
    expect(db.select().from(moduleVersions).all()).toEqual([]);
  });

  it("refuses an answer that is not this section's question, or not among its answers", () => {
    const { db, fran, moduleId } = draft();
    const ctx = contextFor(db, fran.actor);
    expect(() => checkPreviewAnswer(ctx, moduleId, 1, { checkId: "kc-1", chosen: ["kc-1-right"] })).toThrow(
      InvalidError,
    );
    expect(() => checkPreviewAnswer(ctx, moduleId, 2, { checkId: "kc-1", chosen: ["forged"] })).toThrow(InvalidError);
    const page = previewSection(ctx, moduleId, 2, { checkId: "kc-1", chosen: ["forged"] });
    const check = page.parts.find((p) => p.kind === "check");
    expect(check && "answer" in check ? check.answer : undefined).toBeNull();
  });

  it("is refused to someone who may not see the draft, and another organisation's module is not found", () => {
    const { db, sam, moduleId } = draft();
    expect(() => previewSection(contextFor(db, sam.actor), moduleId, 1)).toThrow(ForbiddenError);
    const other = makeOrganisation(db, "Southern Peer Support").member(["facilitator"], "Olu Ade");
    expect(() => previewSection(contextFor(db, other.actor), moduleId, 1)).toThrow(NotFoundError);
  });

  it("answers not found for a section the draft does not have", () => {
    const { db, fran, moduleId } = draft();
    expect(() => previewSection(contextFor(db, fran.actor), moduleId, 3)).toThrow(NotFoundError);
  });
});
