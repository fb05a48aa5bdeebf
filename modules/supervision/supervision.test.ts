import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { contextFor } from "../auth/context";
import type { Actor } from "../auth/policy";
import { addCourseModule, createCourse, publishCourse } from "../courses/service";
import type { DocJSON } from "../documents/json";
import { updateJournalEntry } from "../learning/journal";
import { learnerPlace } from "../learning/place";
import { enrolSelf } from "../learning/service";
import { reflect } from "../learning/steps";
import { saveSelfCarePlan } from "../self-care/index";
import { InvalidError, NotFoundError } from "../shared/errors";
import { testDatabase } from "../testing/database";
import { p, text } from "../testing/documents";
import { makeOrganisation } from "../testing/fixtures";
import { publishedModule } from "../testing/published-module";
import {
  createSupervisionPage,
  deleteSupervisionPage,
  revokeShare,
  sharedCopy,
  sharedWithMe,
  shareHistory,
  sharePage,
  supervisionPage,
  supervisionPageMarkdown,
  supervisorsToShareWith,
  updateSupervisionPage,
} from "./index";

const DOC = {
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 2 }, content: [text("Starting out")] },
    p(text("Peer support is a relationship between equals.")),
    { type: "reflectionPrompt", attrs: { id: "r-1" }, content: [text("What brought you here?")] },
    { type: "reflectionPrompt", attrs: { id: "r-2" }, content: [text("What weighs on you?")] },
  ],
} satisfies DocJSON;

let database: ReturnType<typeof testDatabase>;
beforeEach(() => {
  database = testDatabase();
});
afterEach(() => database.close());

/** An organisation whose learner has written two journal entries, with a supervisor and a trainer. */
function world() {
  const db = database.db;
  const org = makeOrganisation(db, "North");
  const facilitator = org.member(["facilitator"], "Fran");
  const trainer = org.member(["trainer"], "Sam");
  const learner = org.member(["learner"], "Alex");
  const otherLearner = org.member(["learner"], "Bo");
  const supervisor = org.member(["supervisor"], "Dee");
  const secondSupervisor = org.member(["supervisor"], "Eli");
  const version = publishedModule(db, { orgId: org.org.id, by: facilitator.user.id, title: "Welcome", doc: DOC });
  const course = createCourse(contextFor(db, trainer.actor), { title: "Essentials", description: "", openToAll: true });
  addCourseModule(contextFor(db, trainer.actor), course.id, version.moduleId);
  publishCourse(contextFor(db, trainer.actor), course.id, "First.");
  const entriesOf = (actor: Actor) => {
    const ctx = contextFor(db, actor);
    const enrolment = enrolSelf(ctx, course.id);
    const place = learnerPlace(ctx, { enrolmentId: enrolment.id, moduleVersionId: version.versionId, section: 1 });
    return [
      reflect(ctx, place, { promptId: "r-1", body: "A friend told me about it." }).id,
      reflect(ctx, place, { promptId: "r-2", body: "A call last Tuesday stays with me." }).id,
    ];
  };
  const entries = entriesOf(learner.actor);
  const otherEntries = entriesOf(otherLearner.actor);
  const ctx = (actor: Actor, now = new Date()) => contextFor(db, actor, now);
  return { org, trainer, learner, otherLearner, supervisor, secondSupervisor, entries, otherEntries, ctx };
}

const page = { title: "March supervision", points: "How to stop carrying calls home." };

describe("a learner's supervision pages", () => {
  it("are the learner's own: anyone else's id, a trainer's or an admin's look, finds nothing", () => {
    const w = world();
    const { id } = createSupervisionPage(w.ctx(w.learner.actor), { ...page, entryIds: w.entries });
    expect(supervisionPage(w.ctx(w.learner.actor), id).entries.map((e) => e.body)).toEqual(
      expect.arrayContaining(["A friend told me about it.", "A call last Tuesday stays with me."]),
    );
    expect(() => supervisionPage(w.ctx(w.otherLearner.actor), id)).toThrow(NotFoundError);
    expect(() => supervisionPage(w.ctx(w.trainer.actor), id)).toThrow();
    expect(() => supervisionPage(w.ctx(w.org.admin.actor), id)).toThrow();
    expect(() => supervisionPage(w.ctx(w.supervisor.actor), id)).toThrow();
    expect(() => deleteSupervisionPage(w.ctx(w.otherLearner.actor), id)).toThrow(NotFoundError);
  });

  it("take only the learner's own journal entries, and need at least one", () => {
    const w = world();
    const ctx = w.ctx(w.learner.actor);
    expect(() => createSupervisionPage(ctx, { ...page, entryIds: [] })).toThrow(InvalidError);
    expect(() => createSupervisionPage(ctx, { ...page, entryIds: [w.entries[0] ?? "", ...w.otherEntries] })).toThrow(
      NotFoundError,
    );
    const { id } = createSupervisionPage(ctx, { ...page, entryIds: [w.entries[0] ?? ""] });
    expect(() => updateSupervisionPage(ctx, id, { ...page, entryIds: w.otherEntries })).toThrow(NotFoundError);
    expect(supervisionPage(ctx, id).entries.map((e) => e.body)).toEqual(["A friend told me about it."]);
  });

  it("can be edited and deleted", () => {
    const w = world();
    const ctx = w.ctx(w.learner.actor);
    const { id } = createSupervisionPage(ctx, { ...page, entryIds: w.entries });
    updateSupervisionPage(ctx, id, { title: "April", points: "Something new.", entryIds: [w.entries[1] ?? ""] });
    const now = supervisionPage(ctx, id);
    expect([now.title, now.points, now.entries.length]).toEqual(["April", "Something new.", 1]);
    deleteSupervisionPage(ctx, id);
    expect(() => supervisionPage(ctx, id)).toThrow(NotFoundError);
  });

  it("download as Markdown that keeps what the learner typed as their words", () => {
    const w = world();
    const ctx = w.ctx(w.learner.actor);
    const { id } = createSupervisionPage(ctx, {
      title: "Mine",
      points: "# not a heading\n- nor a list",
      entryIds: w.entries,
    });
    const markdown = supervisionPageMarkdown(ctx, id);
    expect(markdown).toContain("# Mine\n");
    expect(markdown).toContain("\\# not a heading");
    expect(markdown).toContain("### What weighs on you?");
    expect(markdown).toContain("A call last Tuesday stays with me.");
  });
});

describe("a self-care plan in supervision", () => {
  const PLAN = {
    signs: "I stop answering the phone",
    helps: "Swimming early",
    contacts: "Dee",
    boundaries: "No calls after nine",
  };

  it("is included only when the learner ticks it, as the plan reads now", () => {
    const w = world();
    const ctx = w.ctx(w.learner.actor);
    saveSelfCarePlan(ctx, PLAN);
    const { id } = createSupervisionPage(ctx, { ...page, entryIds: w.entries });
    expect(supervisionPage(ctx, id).selfCarePlan).toBeNull();
    expect(supervisionPageMarkdown(ctx, id)).not.toContain(PLAN.signs);

    updateSupervisionPage(ctx, id, { ...page, entryIds: w.entries, includeSelfCarePlan: true });
    expect(supervisionPage(ctx, id)).toMatchObject({ includeSelfCarePlan: true, selfCarePlan: PLAN });
    saveSelfCarePlan(ctx, { ...PLAN, helps: "Swimming late" });
    expect(supervisionPage(ctx, id).selfCarePlan?.helps).toBe("Swimming late");
    const markdown = supervisionPageMarkdown(ctx, id);
    expect(markdown).toContain("## My self-care plan");
    expect(markdown).toContain("### The boundaries I keep");
    expect(markdown).toContain(PLAN.boundaries);
  });

  it("goes to a supervisor as a snapshot at sharing, and only when ticked", () => {
    const w = world();
    const ctx = w.ctx(w.learner.actor);
    saveSelfCarePlan(ctx, PLAN);
    const { id } = createSupervisionPage(ctx, { ...page, entryIds: w.entries, includeSelfCarePlan: true });
    sharePage(ctx, id, w.supervisor.user.id);
    saveSelfCarePlan(ctx, { ...PLAN, signs: "Changed after sharing" });
    const supervisorCtx = w.ctx(w.supervisor.actor);
    const [shared] = sharedWithMe(supervisorCtx);
    expect(sharedCopy(supervisorCtx, shared?.id ?? "").selfCarePlan).toEqual(PLAN);

    updateSupervisionPage(ctx, id, { ...page, entryIds: w.entries, includeSelfCarePlan: false });
    sharePage(ctx, id, w.supervisor.user.id);
    const [again] = sharedWithMe(supervisorCtx);
    expect(sharedCopy(supervisorCtx, again?.id ?? "").selfCarePlan).toBeUndefined();
  });

  it("is another learner's to include, never taken from someone else", () => {
    const w = world();
    saveSelfCarePlan(w.ctx(w.otherLearner.actor), PLAN);
    const ctx = w.ctx(w.learner.actor);
    const { id } = createSupervisionPage(ctx, { ...page, entryIds: w.entries, includeSelfCarePlan: true });
    expect(supervisionPage(ctx, id).selfCarePlan).toBeNull();
  });
});

describe("sharing a supervision page", () => {
  it("is only with a supervisor of the learner's organisation", () => {
    const w = world();
    const ctx = w.ctx(w.learner.actor);
    const { id } = createSupervisionPage(ctx, { ...page, entryIds: w.entries });
    expect(supervisorsToShareWith(ctx).map((s) => s.name)).toEqual(["Dee", "Eli"]);
    expect(() => sharePage(ctx, id, w.trainer.user.id)).toThrow(/Sam is not a supervisor here, so nothing was shared/);
    const elsewhere = makeOrganisation(database.db, "South").member(["supervisor"], "Far");
    expect(() => sharePage(ctx, id, elsewhere.user.id)).toThrow(/not a supervisor in your organisation/);
    expect(sharedWithMe(w.ctx(w.supervisor.actor))).toEqual([]);
    expect(sharedWithMe(w.ctx(elsewhere.actor))).toEqual([]);
    expect(shareHistory(ctx)).toEqual([]);
  });

  it("gives the supervisor a snapshot taken when shared; sharing again replaces it", () => {
    const w = world();
    const ctx = w.ctx(w.learner.actor);
    const { id } = createSupervisionPage(ctx, { ...page, entryIds: w.entries });
    sharePage(ctx, id, w.supervisor.user.id);
    updateSupervisionPage(ctx, id, { ...page, points: "Changed after sharing.", entryIds: w.entries });
    updateJournalEntry(ctx, w.entries[1] ?? "", "Rewritten later.");

    const supervisorCtx = w.ctx(w.supervisor.actor);
    const [shared] = sharedWithMe(supervisorCtx);
    const copy = sharedCopy(supervisorCtx, shared?.id ?? "");
    expect(copy.points).toBe(page.points);
    expect(copy.entries.map((e) => e.body)).toContain("A call last Tuesday stays with me.");
    expect(copy.learnerName).toBe("Alex");

    sharePage(ctx, id, w.secondSupervisor.user.id);
    expect(sharedWithMe(supervisorCtx)).toEqual([]);
    expect(() => sharedCopy(supervisorCtx, shared?.id ?? "")).toThrow(NotFoundError);
    const [again] = sharedWithMe(w.ctx(w.secondSupervisor.actor));
    const second = sharedCopy(w.ctx(w.secondSupervisor.actor), again?.id ?? "");
    expect(second.points).toBe("Changed after sharing.");
    expect(second.entries.map((e) => e.body)).toContain("Rewritten later.");
    expect(() => sharedCopy(w.ctx(w.trainer.actor), again?.id ?? "")).toThrow();
  });

  it("is revoked at once, and each share and revoke is in the learner's own history", () => {
    const w = world();
    const ctx = w.ctx(w.learner.actor, new Date("2026-12-01T10:00:00Z"));
    const { id } = createSupervisionPage(ctx, { ...page, entryIds: w.entries });
    sharePage(ctx, id, w.supervisor.user.id);
    const [shared] = sharedWithMe(w.ctx(w.supervisor.actor));
    revokeShare(w.ctx(w.learner.actor, new Date("2026-12-01T11:00:00Z")), id);
    expect(() => sharedCopy(w.ctx(w.supervisor.actor), shared?.id ?? "")).toThrow(NotFoundError);
    expect(() => revokeShare(ctx, id)).toThrow(InvalidError);
    expect(shareHistory(ctx).map((h) => `${h.action} ${h.supervisorName}`)).toEqual(["revoked Dee", "shared Dee"]);
    expect(shareHistory(w.ctx(w.otherLearner.actor))).toEqual([]);
    expect(() => shareHistory(w.ctx(w.supervisor.actor))).toThrow();
  });

  it("ends with the page: deleting it takes the copy back and says so", () => {
    const w = world();
    const ctx = w.ctx(w.learner.actor);
    const { id } = createSupervisionPage(ctx, { ...page, entryIds: w.entries });
    sharePage(ctx, id, w.supervisor.user.id);
    deleteSupervisionPage(ctx, id);
    expect(sharedWithMe(w.ctx(w.supervisor.actor))).toEqual([]);
    expect(shareHistory(ctx).map((h) => h.action)).toEqual(["revoked", "shared"]);
  });
});
