import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { moduleSnapshots, modules, moduleVersions } from "../../db/schema";
import { contextFor } from "../auth/context";
import { FRAGMENT } from "../collaboration/protocol";
import { startFromStarter } from "../content/starter";
import { IMAGE_WITHOUT_ALT } from "../documents/json";
import { splitSections } from "../documents/sections";
import { uploadImage } from "../images/index";
import { photo } from "../images/test-images";
import { publicationOf, statusLabel } from "../review/publication";
import { currentRevision, reviewState, signOff, startReview } from "../review/service";
import { InvalidError } from "../shared/errors";
import { storeCollab } from "../testing/collab";
import { testDatabase } from "../testing/database";
import { makeOrganisation } from "../testing/fixtures";
import { removeCollaborator, setCollaborator } from "../workshop/collaborators";
import { listModuleVersions, publishableModules, publishModule, unpublishModule } from "./service";

const ALL_CHECKS = { contentNotes: true, signpost: true, plainLanguage: true };

let database: ReturnType<typeof testDatabase>;
beforeEach(() => {
  database = testDatabase();
});
afterEach(() => database.close());

/** A facilitator's module from the self-care starter, with a co-designer on it. */
function moduleWithTwoCollaborators() {
  const { db } = database;
  const org = makeOrganisation(db);
  const fran = org.member(["facilitator"], "Fran Mills");
  const priya = org.member(["co_designer"], "Priya Shah");
  const { id: moduleId } = startFromStarter(db, { orgId: org.org.id, createdBy: fran.user.id, slug: "self-care" });
  setCollaborator(contextFor(db, fran.actor), moduleId, priya.user.id, "co_designer");
  const collab = storeCollab(db);
  return { db, org, fran, priya, moduleId, collab };
}

/** Expects the promise to be refused with an InvalidError whose message matches. */
async function expectRefused(promise: Promise<unknown>, message: RegExp | string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InvalidError);
  expect((error as InvalidError).message).toMatch(message);
}

/** Adds a paragraph at the end of the document, as an editor would. */
function appendParagraph(doc: Y.Doc, words: string) {
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [new Y.XmlText(words)]);
  doc.getXmlFragment(FRAGMENT).push([paragraph]);
}

/** Adds an image at the end of the document, as a stored document from before the checks could hold it. */
function appendImage(doc: Y.Doc, attrs: { imageId: string; alt: string; decorative?: boolean }) {
  const image = new Y.XmlElement("image");
  for (const [key, value] of Object.entries({ decorative: false, width: 640, height: 480, ...attrs })) {
    image.setAttribute(key, value as string);
  }
  doc.getXmlFragment(FRAGMENT).push([image]);
}

async function signedOffByBoth(ctx: ReturnType<typeof moduleWithTwoCollaborators>) {
  const { db, fran, priya, moduleId, collab } = ctx;
  await startReview(contextFor(db, fran.actor), collab, moduleId);
  const revision = currentRevision(db, moduleId);
  await signOff(contextFor(db, fran.actor), collab, moduleId, { revision, checks: ALL_CHECKS });
  await signOff(contextFor(db, priya.actor), collab, moduleId, { revision, checks: {} });
}

async function uploaded(ctx: ReturnType<typeof contextFor>, moduleId: string) {
  const result = await uploadImage(ctx, moduleId, { name: "bench.jpg", bytes: await photo(640, 480) });
  if (!result.ok) throw new Error(result.message);
  return result.image.id;
}

describe("publishing a module with images", () => {
  it("is refused while an image has neither alt text nor a decorative mark", async () => {
    const world = moduleWithTwoCollaborators();
    const { db, fran, moduleId, collab } = world;
    const imageId = await uploaded(contextFor(db, fran.actor), moduleId);
    await collab.change(moduleId, fran.user.id, (doc) => appendImage(doc, { imageId, alt: "" }));
    await signedOffByBoth(world);
    await expectRefused(
      publishModule(contextFor(db, fran.actor), collab, moduleId, { changelog: "First version." }),
      IMAGE_WITHOUT_ALT,
    );
  });

  it("is refused with an image that is not the organisation's", async () => {
    const world = moduleWithTwoCollaborators();
    const { db, fran, moduleId, collab } = world;
    const elsewhere = moduleWithTwoCollaborators();
    const foreignId = await uploaded(contextFor(db, elsewhere.fran.actor), elsewhere.moduleId);
    await collab.change(moduleId, fran.user.id, (doc) => appendImage(doc, { imageId: foreignId, alt: "A bench" }));
    await signedOffByBoth(world);
    await expectRefused(
      publishModule(contextFor(db, fran.actor), collab, moduleId, { changelog: "First version." }),
      "An image in this module is no longer in your organisation's images. Remove it, or upload it again, then publish.",
    );
  });

  it("freezes an image that says what it shows, with its copies' addresses", async () => {
    const world = moduleWithTwoCollaborators();
    const { db, fran, moduleId, collab } = world;
    const imageId = await uploaded(contextFor(db, fran.actor), moduleId);
    await collab.change(moduleId, fran.user.id, (doc) => appendImage(doc, { imageId, alt: "An empty bench" }));
    await signedOffByBoth(world);
    const { id } = await publishModule(contextFor(db, fran.actor), collab, moduleId, { changelog: "First version." });
    const version = db.select().from(moduleVersions).where(eq(moduleVersions.id, id)).get();
    expect(version?.html).toContain(`src="/images/${imageId}/full"`);
    expect(version?.html).toContain('alt="An empty bench"');
  });
});

describe("publishing a module", () => {
  it("is refused until the review has started", async () => {
    const { db, fran, moduleId, collab } = moduleWithTwoCollaborators();
    await expectRefused(
      publishModule(contextFor(db, fran.actor), collab, moduleId, { changelog: "First version." }),
      "Start the review first: everyone working on the module signs it off before it is published.",
    );
    expect(listModuleVersions(contextFor(db, fran.actor), moduleId)).toEqual([]);
  });

  it("is refused until every current collaborator has signed off, naming who is missing", async () => {
    const { db, fran, priya, moduleId, collab } = moduleWithTwoCollaborators();
    await startReview(contextFor(db, fran.actor), collab, moduleId);
    await expectRefused(
      publishModule(contextFor(db, fran.actor), collab, moduleId, { changelog: "First version." }),
      "Everyone must sign off revision 1 first. Still waiting for: Fran Mills, Priya Shah.",
    );

    await signOff(contextFor(db, fran.actor), collab, moduleId, { revision: 1, checks: ALL_CHECKS });
    await expectRefused(
      publishModule(contextFor(db, fran.actor), collab, moduleId, { changelog: "First version." }),
      "Everyone must sign off revision 1 first. Still waiting for: Priya Shah.",
    );
    expect(listModuleVersions(contextFor(db, fran.actor), moduleId)).toEqual([]);
    expect(db.select().from(modules).where(eq(modules.id, moduleId)).get()?.status).toBe("in_review");

    await signOff(contextFor(db, priya.actor), collab, moduleId, { revision: 1, checks: {} });
    const published = await publishModule(contextFor(db, fran.actor), collab, moduleId, {
      changelog: "First version.",
    });
    expect(published.version).toBe(1);
    expect(listModuleVersions(contextFor(db, fran.actor), moduleId)).toMatchObject([
      { version: 1, changelog: "First version." },
    ]);
    expect(db.select().from(modules).where(eq(modules.id, moduleId)).get()?.status).toBe("published");
  });

  it("freezes the document as it is, with its sections, checks and content notes, and snapshots it", async () => {
    const { db, org, fran, priya, moduleId, collab } = moduleWithTwoCollaborators();
    await startReview(contextFor(db, fran.actor), collab, moduleId);
    await signOff(contextFor(db, fran.actor), collab, moduleId, { revision: 1, checks: ALL_CHECKS });
    await signOff(contextFor(db, priya.actor), collab, moduleId, { revision: 1, checks: {} });
    const { id } = await publishModule(contextFor(db, fran.actor), collab, moduleId, { changelog: "First version." });

    const version = db.select().from(moduleVersions).where(eq(moduleVersions.id, id)).get();
    expect(version?.doc).toEqual(collab.current(moduleId));
    expect(version?.sections.map((s) => s.title)).toEqual(splitSections(collab.current(moduleId)).map((s) => s.title));
    expect(version?.sections.flatMap((s) => s.checks)).toHaveLength(3);
    expect(version?.contentNotes).toEqual(["substance_use"]);
    expect(version?.html).toContain("Switching off");
    expect(version?.publishedBy).toBe(fran.user.id);
    const snapshots = db.select().from(moduleSnapshots).where(eq(moduleSnapshots.moduleId, moduleId)).all();
    expect(snapshots.map((s) => s.name)).toContain("Published as version 1");
    expect(publishableModules(db, org.org.id)).toMatchObject([{ moduleId, versionId: id, version: 1 }]);
  });

  it("counts a sign-off of an earlier revision as stale: after an edit, everyone signs off again", async () => {
    const { db, fran, priya, moduleId, collab } = moduleWithTwoCollaborators();
    await startReview(contextFor(db, fran.actor), collab, moduleId);
    await signOff(contextFor(db, fran.actor), collab, moduleId, { revision: 1, checks: ALL_CHECKS });
    await signOff(contextFor(db, priya.actor), collab, moduleId, { revision: 1, checks: {} });

    await collab.change(moduleId, priya.user.id, (doc) => appendParagraph(doc, "One more thought on rest."));
    await expectRefused(
      publishModule(contextFor(db, fran.actor), collab, moduleId, { changelog: "First version." }),
      "Everyone must sign off revision 2 first. Still waiting for: Fran Mills, Priya Shah.",
    );
    expect(reviewState(db, moduleId).people.map((p) => p.state)).toEqual(["stale", "stale"]);
    expect(listModuleVersions(contextFor(db, fran.actor), moduleId)).toEqual([]);

    // A sign-off of the old revision, sent from a page opened before the edit, is refused.
    await expect(signOff(contextFor(db, priya.actor), collab, moduleId, { revision: 1, checks: {} })).rejects.toThrow(
      /now revision 2/,
    );
    await signOff(contextFor(db, fran.actor), collab, moduleId, { revision: 2, checks: ALL_CHECKS });
    await signOff(contextFor(db, priya.actor), collab, moduleId, { revision: 2, checks: {} });
    await publishModule(contextFor(db, fran.actor), collab, moduleId, { changelog: "First version." });
    const [version] = listModuleVersions(contextFor(db, fran.actor), moduleId);
    const frozen = db
      .select()
      .from(moduleVersions)
      .where(eq(moduleVersions.id, version?.id ?? ""))
      .get();
    expect(frozen?.html).toContain("One more thought on rest.");
  });

  it("asks only the current collaborators: someone taken off the module no longer holds it up", async () => {
    const { db, fran, priya, moduleId, collab } = moduleWithTwoCollaborators();
    await startReview(contextFor(db, fran.actor), collab, moduleId);
    await signOff(contextFor(db, fran.actor), collab, moduleId, { revision: 1, checks: ALL_CHECKS });
    removeCollaborator(contextFor(db, fran.actor), moduleId, priya.user.id);
    const published = await publishModule(contextFor(db, fran.actor), collab, moduleId, {
      changelog: "First version.",
    });
    expect(published.version).toBe(1);
  });

  it("refuses a facilitator's sign-off without the whole safety checklist", async () => {
    const { db, fran, moduleId, collab } = moduleWithTwoCollaborators();
    await startReview(contextFor(db, fran.actor), collab, moduleId);
    await expect(
      signOff(contextFor(db, fran.actor), collab, moduleId, {
        revision: 1,
        checks: { contentNotes: true, signpost: true },
      }),
    ).rejects.toThrow(/confirm each point of the safety checklist/);
    expect(reviewState(db, moduleId).people.find((p) => p.userId === fran.user.id)?.state).toBe("waiting");
  });

  it("makes version 2 on publishing again, after a new review, and keeps version 1 as it was", async () => {
    const { db, fran, priya, moduleId, collab } = moduleWithTwoCollaborators();
    await startReview(contextFor(db, fran.actor), collab, moduleId);
    await signOff(contextFor(db, fran.actor), collab, moduleId, { revision: 1, checks: ALL_CHECKS });
    await signOff(contextFor(db, priya.actor), collab, moduleId, { revision: 1, checks: {} });
    const first = await publishModule(contextFor(db, fran.actor), collab, moduleId, { changelog: "First version." });
    const before = db.select().from(moduleVersions).where(eq(moduleVersions.id, first.id)).get();

    await collab.change(moduleId, priya.user.id, (doc) => appendParagraph(doc, "A new closing thought."));
    // Published modules go back into review before the next version.
    await expectRefused(
      publishModule(contextFor(db, fran.actor), collab, moduleId, { changelog: "A closing thought." }),
      /Start the review first/,
    );
    await collab.settle(moduleId);
    await startReview(contextFor(db, fran.actor), collab, moduleId);
    const revision = currentRevision(db, moduleId);
    expect(revision).toBe(2);
    await signOff(contextFor(db, fran.actor), collab, moduleId, { revision, checks: ALL_CHECKS });
    await signOff(contextFor(db, priya.actor), collab, moduleId, { revision, checks: {} });
    const second = await publishModule(contextFor(db, fran.actor), collab, moduleId, {
      changelog: "A closing thought.",
    });

    expect(second.version).toBe(2);
    expect(listModuleVersions(contextFor(db, fran.actor), moduleId).map((v) => [v.version, v.changelog])).toEqual([
      [2, "A closing thought."],
      [1, "First version."],
    ]);
    expect(db.select().from(moduleVersions).where(eq(moduleVersions.id, first.id)).get()).toEqual(before);
    expect(before?.html).not.toContain("A new closing thought.");
  });
});

/** Anchors a comment on the first words of the first paragraph, as the editor does. */
function anchorComment(doc: Y.Doc, threadId: string) {
  const fragment = doc.getXmlFragment(FRAGMENT);
  const paragraph = fragment.toArray().find((n) => n instanceof Y.XmlElement && n.nodeName === "paragraph");
  const text = paragraph instanceof Y.XmlElement ? paragraph.get(0) : null;
  if (!(text instanceof Y.XmlText)) throw new Error("no paragraph text to comment on");
  text.format(0, 5, { comment: { threadId } });
}

describe("after publishing", () => {
  async function publishedOnce() {
    const setup = moduleWithTwoCollaborators();
    const { db, fran, priya, moduleId, collab } = setup;
    await startReview(contextFor(db, fran.actor), collab, moduleId);
    await signOff(contextFor(db, fran.actor), collab, moduleId, { revision: 1, checks: ALL_CHECKS });
    await signOff(contextFor(db, priya.actor), collab, moduleId, { revision: 1, checks: {} });
    await publishModule(contextFor(db, fran.actor), collab, moduleId, { changelog: "First version." });
    return setup;
  }

  it("the status names the version, and says when the draft has changes since", async () => {
    const { db, priya, moduleId, collab } = await publishedOnce();
    const published = publicationOf(db, moduleId, collab.current(moduleId));
    expect(published).toMatchObject({ version: 1, draftChanged: false });
    expect(statusLabel("published", published)).toBe("Published (version 1)");
    const snapshot = db
      .select()
      .from(moduleSnapshots)
      .where(eq(moduleSnapshots.id, published?.snapshotId ?? ""))
      .get();
    expect(snapshot?.name).toBe("Published as version 1");

    // A comment is not a change to the content.
    await collab.change(moduleId, priya.user.id, (doc) => anchorComment(doc, "thread-1"));
    expect(publicationOf(db, moduleId, collab.current(moduleId))?.draftChanged).toBe(false);

    await collab.change(moduleId, priya.user.id, (doc) => appendParagraph(doc, "A new closing thought."));
    const changed = publicationOf(db, moduleId, collab.current(moduleId));
    expect(changed).toMatchObject({ version: 1, draftChanged: true });
    expect(statusLabel("published", changed)).toBe("Published (version 1); the draft has changes since");
    expect(statusLabel("in_review", changed)).toBe("In review");
  });

  it("there is nothing to review until the draft changes: starting a review then is refused, plainly", async () => {
    const { db, fran, priya, moduleId, collab } = await publishedOnce();
    await expect(startReview(contextFor(db, fran.actor), collab, moduleId)).rejects.toThrow(
      "Nothing has changed since version 1 was published, so there is nothing new to review. Make the changes in Write first.",
    );
    expect(db.select().from(modules).where(eq(modules.id, moduleId)).get()?.status).toBe("published");

    await collab.change(moduleId, priya.user.id, (doc) => appendParagraph(doc, "A new closing thought."));
    await startReview(contextFor(db, fran.actor), collab, moduleId);
    expect(db.select().from(modules).where(eq(modules.id, moduleId)).get()?.status).toBe("in_review");
  });

  it("a module withdrawn from new courses may be reviewed and published again as it is", async () => {
    const { db, fran, moduleId, collab } = await publishedOnce();
    unpublishModule(contextFor(db, fran.actor), moduleId);
    await startReview(contextFor(db, fran.actor), collab, moduleId);
    expect(db.select().from(modules).where(eq(modules.id, moduleId)).get()?.status).toBe("in_review");
  });

  it("a module that was never published has no publication", () => {
    const { db, moduleId, collab } = moduleWithTwoCollaborators();
    expect(publicationOf(db, moduleId, collab.current(moduleId))).toBeNull();
    expect(statusLabel("draft", null)).toBe("Draft");
  });
});
