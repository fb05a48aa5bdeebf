/**
 * A module is signed off and published as the document with no open suggestions: while any is open,
 * the Review page lists them, and sign-off and publishing are refused with a plain reason.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { contextFor } from "../auth/context";
import { FRAGMENT } from "../collaboration/protocol";
import { startFromStarter } from "../content/starter";
import { newSuggestionId } from "../documents/suggestion-ids";
import { listModuleVersions, publishModule } from "../publishing/service";
import { InvalidError } from "../shared/errors";
import { storeCollab } from "../testing/collab";
import { testDatabase } from "../testing/database";
import { makeOrganisation } from "../testing/fixtures";
import { setCollaborator } from "../workshop/collaborators";
import { currentRevision, reviewPage, signOff, startReview } from "./service";

const ALL_CHECKS = { contentNotes: true, signpost: true, plainLanguage: true };

let database: ReturnType<typeof testDatabase>;
beforeEach(() => {
  database = testDatabase();
});
afterEach(() => database.close());

function firstText(doc: Y.Doc): Y.XmlText {
  for (const node of doc.getXmlFragment(FRAGMENT).createTreeWalker(() => true)) {
    if (node instanceof Y.XmlText && node.length > 10) return node;
  }
  throw new Error("no text");
}

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InvalidError);
  return (error as InvalidError).message;
}

describe("open suggestions in review", () => {
  it("are listed on the Review page, and block sign-off and publishing until each is accepted or rejected", async () => {
    const { db } = database;
    const org = makeOrganisation(db);
    const fran = org.member(["facilitator"], "Fran Mills");
    const priya = org.member(["co_designer"], "Priya Shah");
    const { id: moduleId } = startFromStarter(db, { orgId: org.org.id, createdBy: fran.user.id, slug: "self-care" });
    setCollaborator(contextFor(db, fran.actor), moduleId, priya.user.id, "co_designer");
    const collab = storeCollab(db);
    const asFran = contextFor(db, fran.actor);
    const asPriya = contextFor(db, priya.actor);

    const id = newSuggestionId(priya.user.id);
    await collab.change(moduleId, priya.user.id, (doc) => firstText(doc).insert(0, "Gently: ", { insertion: { id } }));
    await startReview(asFran, collab, moduleId);

    const page = await reviewPage(asFran, collab, moduleId);
    expect(page.openSuggestions).toEqual([{ id, authorName: "Priya Shah", added: "Gently:", removed: "", blocks: 0 }]);

    const revision = currentRevision(db, moduleId);
    const reason = "1 suggestion is still open. Accept or reject it in the editor first.";
    expect(await refusal(signOff(asPriya, collab, moduleId, { revision, checks: {} }))).toBe(
      `Sign-off is of the module with no open suggestions. ${reason}`,
    );
    expect(await refusal(publishModule(asFran, collab, moduleId, { changelog: "First version." }))).toBe(
      `Publishing is of the module with no open suggestions. ${reason}`,
    );
    expect(listModuleVersions(asFran, moduleId)).toEqual([]);

    // Accepted, it is simply part of the text: everyone signs off, and it is published.
    await collab.change(moduleId, fran.user.id, (doc) =>
      firstText(doc).format(0, "Gently: ".length, { insertion: null }),
    );
    await collab.settle(moduleId);
    const agreed = currentRevision(db, moduleId);
    expect((await reviewPage(asFran, collab, moduleId)).openSuggestions).toEqual([]);
    await signOff(asPriya, collab, moduleId, { revision: agreed, checks: {} });
    await signOff(asFran, collab, moduleId, { revision: agreed, checks: ALL_CHECKS });
    await publishModule(asFran, collab, moduleId, { changelog: "First version." });
    expect(listModuleVersions(asFran, moduleId)).toHaveLength(1);
  });
});
