import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { contextFor } from "../auth/context";
import { moduleAccess } from "../auth/policy";
import { FRAGMENT } from "../collaboration/protocol";
import { startThread } from "../comments/service";
import { lockableParts } from "../documents/parts";
import { lockPart } from "../locks/service";
import { actorFor } from "../organisations/service";
import { publishModule } from "../publishing/service";
import { currentRevision, signOff, startReview } from "../review/service";
import { requestReview } from "../review-requests/requests";
import { ForbiddenError, InvalidError, NotFoundError } from "../shared/errors";
import { storeCollab } from "../testing/collab";
import { testDatabase } from "../testing/database";
import { doc, p, text } from "../testing/documents";
import { makeOrganisation } from "../testing/fixtures";
import { moduleWithPeople } from "../testing/review-module";
import { setCollaborator } from "../workshop/collaborators";
import { liveAccess } from "../workshop/live-access";
import { createModule } from "../workshop/service";
import { DEFAULT_RUBRIC, parseRubricFile } from "./rubric-file";
import { rubricSchema } from "./schemas";
import { panelRequirement, rubricToManage, setPanelRequired, setRubric } from "./settings";
import { panelReview, requestPanelChanges, signOffAsPanel } from "./signoffs";

let database: ReturnType<typeof testDatabase>;
beforeEach(() => {
  database = testDatabase();
});
afterEach(() => database.close());

const ALL_CHECKS = { contentNotes: true, signpost: true, plainLanguage: true };

/** Every question of the rubric answered Yes. */
const allYes = () => Object.fromEntries(DEFAULT_RUBRIC.map((i) => [i.id, "yes" as const]));

function appendParagraph(doc: Y.Doc, words: string) {
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [new Y.XmlText(words)]);
  doc.getXmlFragment(FRAGMENT).push([paragraph]);
}

async function caught(call: () => unknown) {
  try {
    await call();
    return null;
  } catch (error) {
    return error;
  }
}

/**
 * A module in review that Fran (facilitating), Jo (co-designing) and Pri (reviewing) have all signed
 * off, with a panel member and a safeguarding reviewer in the organisation.
 */
async function signedOffModule() {
  const { db } = database;
  const org = makeOrganisation(db);
  const fran = org.member(["facilitator"], "Fran Mills");
  const jo = org.member(["co_designer"], "Jo Lee");
  const pri = org.member(["co_designer"], "Pri Shah");
  const { id: moduleId } = createModule(db, {
    orgId: org.org.id,
    createdBy: fran.user.id,
    title: "Saying no kindly",
    topic: "boundaries",
    customTopic: "",
    summary: "",
    estimatedMinutes: 10,
    doc: doc(
      { type: "heading", attrs: { level: 2, id: "agreed" }, content: [text("Why no can be kind")] },
      p(text("A clear, kind no is often more caring than a yes you cannot keep.")),
    ),
  });
  setCollaborator(contextFor(db, fran.actor), moduleId, jo.user.id, "co_designer");
  setCollaborator(contextFor(db, fran.actor), moduleId, pri.user.id, "reviewer");
  const people = { org, fran, jo, pri, moduleId };
  const panel = org.member(["lived_experience_panel"], "Ola Panel");
  const safeguarding = org.member(["safeguarding_reviewer"], "Sade Guard");
  const collab = storeCollab(db);
  await startReview(contextFor(db, fran.actor), collab, moduleId);
  const revision = currentRevision(db, moduleId);
  await signOff(contextFor(db, fran.actor), collab, moduleId, { revision, checks: ALL_CHECKS });
  for (const person of [jo, pri])
    await signOff(contextFor(db, person.actor), collab, moduleId, { revision, checks: {} });
  return { ...people, panel, safeguarding, collab, revision };
}

describe("the rubric file", () => {
  it("holds a short question for each of Chayn's principles", () => {
    expect(DEFAULT_RUBRIC.map((i) => i.id)).toEqual([
      "safety",
      "agency",
      "equity",
      "privacy",
      "accountability",
      "plurality",
      "powerSharing",
      "hope",
    ]);
    for (const item of DEFAULT_RUBRIC) expect(item.question).toMatch(/^[A-Z].{10,200}\?$/);
  });

  it("is refused at start-up with a message naming the file and what is wrong", () => {
    const item = { id: "safety", principle: "Safety", question: "Is it safe?" };
    expect(() => parseRubricFile({ items: [] })).toThrow(/content\/review-rubric\.json.*at least one question/s);
    expect(() => parseRubricFile({ items: [item, item] })).toThrow(/The id safety is used twice/);
    expect(() => parseRubricFile({ items: [{ ...item, question: "" }] })).toThrow(/Write the question/);
  });
});

describe("the organisation's rubric and setting", () => {
  it("start as the default rubric with the requirement off, and only admins change them", async () => {
    const { db } = database;
    const org = makeOrganisation(db);
    const fran = org.member(["facilitator"], "Fran Mills");
    const admin = contextFor(db, org.admin.actor);
    expect(panelRequirement(admin)).toEqual({ required: false });
    expect(rubricToManage(admin)).toMatchObject({ isDefault: true, items: DEFAULT_RUBRIC });
    await expect(
      caught(() => setPanelRequired(contextFor(db, fran.actor), { required: true })),
    ).resolves.toBeInstanceOf(ForbiddenError);
    setPanelRequired(admin, { required: true });
    expect(panelRequirement(admin)).toEqual({ required: true });
  });

  it("are edited one question to a line: a kept question keeps its id, a new one gets its own", () => {
    const { db } = database;
    const org = makeOrganisation(db);
    const admin = contextFor(db, org.admin.actor);
    const first = DEFAULT_RUBRIC[0]?.question ?? "";
    setRubric(admin, rubricSchema.parse({ questions: `${first}\n\n  Is the ending calm?  \n` }));
    const { items, isDefault } = rubricToManage(admin);
    expect(isDefault).toBe(false);
    expect(items.map((i) => i.question)).toEqual([first, "Is the ending calm?"]);
    expect(items[0]?.id).toBe("safety");
    expect(items[1]?.id).toMatch(/^q-/);
  });

  it("say what to fix when the rubric is empty, a question too long, or one is there twice", () => {
    const message = (questions: string) => rubricSchema.safeParse({ questions }).error?.issues[0]?.message;
    expect(message(" \n ")).toBe("Keep at least one question: the panel and safeguarding reviewers answer each one.");
    expect(message(`${"x".repeat(301)}?`)).toBe("Each question can be at most 300 characters.");
    expect(message("Is it calm?\nis it calm?")).toBe("“is it calm?” is there twice: keep it once.");
  });
});

describe("panel and safeguarding sign-off", () => {
  it("opens every module of the organisation to the panel to read, but never to change", () => {
    const { db } = database;
    const { org, moduleId } = moduleWithPeople(db);
    const panel = org.member(["lived_experience_panel"], "Ola Panel");
    const module = { orgId: org.org.id, status: "draft" };
    expect(moduleAccess(panel.actor, module, null)).toEqual({
      view: true,
      edit: false,
      comment: false,
      facilitate: false,
    });
    const live = liveAccess(db, (d, orgId, userId) => actorFor(d, orgId, userId), moduleId, panel.user.id);
    expect(live).toMatchObject({ readOnly: true, commentOnly: false });
    const elsewhere = makeOrganisation(db, "Elsewhere").member(["safeguarding_reviewer"]);
    expect(moduleAccess(elsewhere.actor, module, null).view).toBe(false);
  });

  it("refuses an unanswered question by name, and Not yet, keeping nothing", async () => {
    const { db } = database;
    const { panel, moduleId, collab, revision } = await signedOffModule();
    const ctx = contextFor(db, panel.actor);
    const { agency: _skipped, ...answers } = allYes();
    const error = await caught(() =>
      signOffAsPanel(ctx, collab, moduleId, { kind: "panel", revision, answers, notes: {} }),
    );
    expect(error).toBeInstanceOf(InvalidError);
    expect((error as InvalidError).field).toBe("answer-agency");
    expect((error as InvalidError).message).toContain(DEFAULT_RUBRIC[1]?.question);

    const notYet = await caught(() =>
      signOffAsPanel(ctx, collab, moduleId, {
        kind: "panel",
        revision,
        answers: { ...allYes(), hope: "not_yet" },
        notes: {},
      }),
    );
    expect((notYet as InvalidError).message).toMatch(/Not yet.*Ask for changes instead/);
    expect((await panelReview(ctx, collab, moduleId)).kinds.panel.state).toBe("waiting");
  });

  it("refuses a sign-off by someone without the role, and by another organisation's panel", async () => {
    const { db } = database;
    const { jo, fran, moduleId, collab, revision } = await signedOffModule();
    const input = { kind: "panel" as const, revision, answers: allYes(), notes: {} };
    expect(await caught(() => signOffAsPanel(contextFor(db, jo.actor), collab, moduleId, input))).toBeInstanceOf(
      ForbiddenError,
    );
    expect(
      await caught(() =>
        signOffAsPanel(contextFor(db, fran.actor), collab, moduleId, { ...input, kind: "safeguarding" }),
      ),
    ).toBeInstanceOf(ForbiddenError);
    const outsider = makeOrganisation(db, "Elsewhere").member(["lived_experience_panel"]);
    expect(await caught(() => signOffAsPanel(contextFor(db, outsider.actor), collab, moduleId, input))).toBeInstanceOf(
      NotFoundError,
    );
  });

  it("blocks publishing while the setting is on, until both sign-offs exist, naming who is to come", async () => {
    const { db } = database;
    const { org, fran, panel, safeguarding, moduleId, collab, revision } = await signedOffModule();
    setPanelRequired(contextFor(db, org.admin.actor), { required: true });
    const publish = () => publishModule(contextFor(db, fran.actor), collab, moduleId, { changelog: "First." });
    const refused = await caught(publish);
    expect(refused).toBeInstanceOf(InvalidError);
    expect((refused as InvalidError).message).toBe(
      `Publishing waits for sign-off of revision ${revision} from the lived-experience panel and from a safeguarding reviewer.`,
    );

    await signOffAsPanel(contextFor(db, panel.actor), collab, moduleId, {
      kind: "panel",
      revision,
      answers: { ...allYes(), equity: "not_applicable" },
      notes: { equity: "Written for one service." },
    });
    expect(((await caught(publish)) as InvalidError).message).toBe(
      `Publishing waits for sign-off of revision ${revision} from a safeguarding reviewer.`,
    );
    await signOffAsPanel(contextFor(db, safeguarding.actor), collab, moduleId, {
      kind: "safeguarding",
      revision,
      answers: allYes(),
      notes: {},
    });
    const review = await panelReview(contextFor(db, fran.actor), collab, moduleId);
    expect(review.kinds.panel).toMatchObject({ state: "signed_off", name: "Ola Panel", revision });
    expect(review.kinds.panel.answers?.find((a) => a.id === "equity")).toMatchObject({
      answer: "not_applicable",
      note: "Written for one service.",
    });
    expect((await publish()).version).toBe(1);
  });

  it("lets publishing go ahead without them while the setting is off", async () => {
    const { db } = database;
    const { fran, moduleId, collab } = await signedOffModule();
    expect((await publishModule(contextFor(db, fran.actor), collab, moduleId, { changelog: "First." })).version).toBe(
      1,
    );
  });

  it("stays current after a comment, a lock or a review request, and goes stale on an edit to the text", async () => {
    const { db } = database;
    const { org, fran, jo, pri, panel, moduleId, collab, revision } = await signedOffModule();
    setPanelRequired(contextFor(db, org.admin.actor), { required: true });
    await signOffAsPanel(contextFor(db, panel.actor), collab, moduleId, {
      kind: "panel",
      revision,
      answers: allYes(),
      notes: {},
    });
    startThread(contextFor(db, jo.actor), moduleId, { quote: "kind no", body: "Lovely line." });
    requestReview(contextFor(db, fran.actor), moduleId, { people: [pri.user.id], dueOn: "2099-12-31", note: "" });
    expect(lockableParts(collab.current(moduleId)).map((part) => part.nodeId)).toEqual(["agreed"]);
    lockPart(contextFor(db, fran.actor), collab, moduleId, { nodeId: "agreed", reason: "Agreed" });
    const state = async () => (await panelReview(contextFor(db, fran.actor), collab, moduleId)).kinds.panel.state;
    expect(await state()).toBe("signed_off");

    await collab.change(moduleId, jo.user.id, (doc) => appendParagraph(doc, "One more thought on rest."));
    expect(await state()).toBe("stale");
    expect((await panelReview(contextFor(db, fran.actor), collab, moduleId)).blockedBy).toEqual([
      "the lived-experience panel",
      "a safeguarding reviewer",
    ]);
  });

  it("records a request for changes, which holds publishing up until a new sign-off", async () => {
    const { db } = database;
    const { safeguarding, moduleId, collab, revision } = await signedOffModule();
    const ctx = contextFor(db, safeguarding.actor);
    const nothing = await caught(() =>
      requestPanelChanges(ctx, collab, moduleId, { kind: "safeguarding", revision, answers: {}, notes: {} }),
    );
    expect((nothing as InvalidError).message).toMatch(/Answer Not yet to at least one question, or add a note/);
    await requestPanelChanges(ctx, collab, moduleId, {
      kind: "safeguarding",
      revision,
      answers: { safety: "not_yet" },
      notes: { safety: "Add a content note before the story." },
    });
    expect((await panelReview(ctx, collab, moduleId)).kinds.safeguarding).toMatchObject({
      state: "changes_requested",
      name: "Sade Guard",
    });
  });

  it("shows the answers and notes to the module's facilitators and co-designers, not to its reviewers", async () => {
    const { db } = database;
    const { jo, pri, panel, moduleId, collab, revision } = await signedOffModule();
    await signOffAsPanel(contextFor(db, panel.actor), collab, moduleId, {
      kind: "panel",
      revision,
      answers: allYes(),
      notes: { hope: "A hopeful close." },
    });
    const forJo = await panelReview(contextFor(db, jo.actor), collab, moduleId);
    expect(forJo.kinds.panel.answers?.find((a) => a.id === "hope")?.note).toBe("A hopeful close.");
    const forPri = await panelReview(contextFor(db, pri.actor), collab, moduleId);
    expect(forPri.kinds.panel.state).toBe("signed_off");
    expect(forPri.kinds.panel.answers).toBeNull();
  });
});
