import { afterAll, describe, expect, it } from "vitest";
import type * as Y from "yjs";
import { workshopSessions } from "../../db/schema";
import { contextFor } from "../auth/context";
import { FRAGMENT } from "../collaboration/protocol";
import { jsonToYDoc } from "../collaboration/ydoc";
import { startThread } from "../comments/service";
import type { DomainEvent } from "../events/bus";
import { ForbiddenError, InvalidError, NotFoundError } from "../shared/errors";
import { storeCollab } from "../testing/collab";
import { testDatabase } from "../testing/database";
import { makeOrganisation } from "../testing/fixtures";
import { setCollaborator } from "../workshop/collaborators";
import { createModule } from "../workshop/service";
import { readAgenda } from "./agenda";
import { recordAttendance } from "./attendance";
import { onBreak } from "./live-break";
import { startSessionSchema } from "./schemas";
import {
  endSession,
  liveSession,
  pastSessions,
  resumeSession,
  sessionSummary,
  startSession,
  takeBreak,
} from "./service";

describe("reading a session's agenda", () => {
  it("reads parts and breaks one a line, in time order", () => {
    expect(readAgenda("10:40, 20, Stories\n9:00, 30, Welcome\n09:30 10 Break")).toEqual({
      ok: true,
      items: [
        { kind: "part", title: "Welcome", start: "09:00", minutes: 30 },
        { kind: "break", title: "Break", start: "09:30", minutes: 10 },
        { kind: "part", title: "Stories", start: "10:40", minutes: 20 },
      ],
    });
  });

  it("names the two items that overlap", () => {
    expect(readAgenda("10:00, 30, Welcome\n10:20, 10, Break")).toEqual({
      ok: false,
      message:
        "“Welcome” (10:00–10:30) and “Break” (10:20–10:30) overlap. Change a start time or a length so one ends before the other starts.",
    });
  });

  it("refuses a line it cannot read, a length that is not positive, a time that is not one, and more than 8 hours", () => {
    expect(readAgenda("Welcome at ten")).toMatchObject({ ok: false, message: expect.stringContaining("Line 1") });
    expect(readAgenda("10:00, 0, Welcome")).toMatchObject({
      ok: false,
      message: "Line 1 (“10:00, 0, Welcome”) needs a length of at least 1 minute.",
    });
    expect(readAgenda("25:00, 10, Welcome")).toMatchObject({
      ok: false,
      message: expect.stringContaining("time of day"),
    });
    expect(readAgenda("09:00, 60, Welcome\n16:30, 60, Closing")).toEqual({
      ok: false,
      message: "The agenda runs from 09:00 to 17:30: a session can be at most 8 hours.",
    });
    expect(readAgenda("09:00, 480, All day")).toMatchObject({ ok: true });
    expect(readAgenda("  \n ")).toEqual({ ok: false, message: "Add at least one part to the agenda." });
  });

  it("gives the form its message on the agenda field", () => {
    const parsed = startSessionSchema.safeParse({ agenda: "10:00, 30, Welcome\n10:10, 5, Names" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({ path: ["agenda"], message: expect.stringContaining("overlap") });
  });
});

describe("a live workshop session", () => {
  const database = testDatabase();
  afterAll(() => database.close());
  const { db } = database;
  const org = makeOrganisation(db, "Northern Peer Support");
  const fran = org.member(["facilitator"], "Fran Mills");
  const jordan = org.member(["co_designer"], "Jordan Lee");
  const sam = org.member(["co_designer"], "Sam Quiet");
  const other = makeOrganisation(db, "Another Service").member(["facilitator"], "Oscar Outsider");
  const documents = storeCollab(db);
  const events: DomainEvent[] = [];
  const as = (person: typeof fran, at = new Date()) =>
    contextFor(db, person.actor, at, { emit: (e) => events.push(e) });
  const AGENDA = [
    { kind: "part" as const, title: "Welcome", start: "10:00", minutes: 20 },
    { kind: "break" as const, title: "Break", start: "10:20", minutes: 10 },
  ];

  async function module() {
    const { id } = createModule(db, {
      orgId: org.org.id,
      createdBy: fran.user.id,
      title: "Saying no kindly",
      topic: "boundaries",
      customTopic: "",
      summary: "",
      estimatedMinutes: 15,
    });
    setCollaborator(contextFor(db, fran.actor), id, jordan.user.id, "co_designer");
    setCollaborator(contextFor(db, fran.actor), id, sam.user.id, "co_designer");
    await write(id, fran.user.id, [
      { type: "heading", attrs: { level: 2, id: "why" }, content: [{ type: "text", text: "Why no can be kind" }] },
      { type: "paragraph", content: [{ type: "text", text: "We agreed this." }] },
      { type: "heading", attrs: { level: 2, id: "how" }, content: [{ type: "text", text: "How to say it" }] },
      { type: "paragraph", content: [{ type: "text", text: "Gently." }] },
    ]);
    return id;
  }

  async function write(moduleId: string, userId: string, content: object[]) {
    const nodes = jsonToYDoc({ type: "doc", content } as never).getXmlFragment(FRAGMENT);
    await documents.change(moduleId, userId, (doc) =>
      doc.getXmlFragment(FRAGMENT).push(nodes.toArray().map((node) => node.clone() as Y.XmlElement)),
    );
  }

  it("is started by a facilitator, seen by everyone on the module, and tells open editors", async () => {
    const moduleId = await module();
    events.length = 0;
    startSession(as(fran), documents, moduleId, { agenda: AGENDA });
    expect(events).toEqual([{ type: "workshop_session.changed", moduleId }]);
    const seen = liveSession(as(jordan), moduleId);
    expect(seen.canRun).toBe(false);
    expect(seen.session).toMatchObject({ agenda: AGENDA, breakUntil: null });
    expect(liveSession(as(fran), moduleId).canRun).toBe(true);
  });

  it("runs one session per module at a time", async () => {
    const moduleId = await module();
    startSession(as(fran), documents, moduleId, { agenda: AGENDA });
    expect(() => startSession(as(fran), documents, moduleId, { agenda: AGENDA })).toThrow(
      new InvalidError("A session is already running on this module. End it before starting another."),
    );
    endSession(as(fran), documents, moduleId);
    expect(() => startSession(as(fran), documents, moduleId, { agenda: AGENDA })).not.toThrow();
  });

  it("lets only the module's facilitators start, break, resume and end it", async () => {
    const moduleId = await module();
    expect(() => startSession(as(jordan), documents, moduleId, { agenda: AGENDA })).toThrow(ForbiddenError);
    expect(() => startSession(as(other), documents, moduleId, { agenda: AGENDA })).toThrow(NotFoundError);
    startSession(as(fran), documents, moduleId, { agenda: AGENDA });
    expect(() => takeBreak(as(jordan), moduleId, { minutes: 5 })).toThrow(ForbiddenError);
    expect(() => takeBreak(as(other), moduleId, { minutes: 5 })).toThrow(NotFoundError);
    takeBreak(as(fran), moduleId, { minutes: 5 });
    expect(() => resumeSession(as(jordan), moduleId)).toThrow(ForbiddenError);
    expect(() => endSession(as(jordan), documents, moduleId)).toThrow(ForbiddenError);
    expect(() => pastSessions(as(jordan), moduleId)).toThrow(ForbiddenError);
  });

  it("holds a break until its time is up, or until a facilitator resumes", async () => {
    const moduleId = await module();
    const at = new Date("2026-12-01T10:20:00Z");
    // An agenda with no break of its own: this break is the one the facilitator calls.
    const agenda = [{ kind: "part" as const, title: "Welcome", start: "10:00", minutes: 60 }];
    startSession(as(fran, at), documents, moduleId, { agenda });
    expect(onBreak(db, moduleId, at)).toBe(false);
    const { breakUntil } = takeBreak(as(fran, at), moduleId, { minutes: 10 });
    expect(breakUntil).toEqual(new Date("2026-12-01T10:30:00Z"));
    expect(onBreak(db, moduleId, new Date("2026-12-01T10:29:59Z"))).toBe(true);
    expect(onBreak(db, moduleId, new Date("2026-12-01T10:30:00Z"))).toBe(false);
    expect(liveSession(as(jordan, new Date("2026-12-01T10:25:00Z")), moduleId).session?.breakUntil).toEqual(breakUntil);
    expect(liveSession(as(jordan, new Date("2026-12-01T10:31:00Z")), moduleId).session?.breakUntil).toBeNull();

    resumeSession(as(fran, new Date("2026-12-01T10:22:00Z")), moduleId);
    expect(onBreak(db, moduleId, new Date("2026-12-01T10:23:00Z"))).toBe(false);
    expect(() => resumeSession(as(fran, new Date("2026-12-01T10:23:00Z")), moduleId)).toThrow(
      "The session is not on a break.",
    );
  });

  it("is on a break by itself while the room's clock is inside a scheduled break, with nobody pressing anything", async () => {
    const moduleId = await module();
    // London keeps GMT in December, so these wall-clock times are UTC too.
    const at = (time: string) => new Date(`2026-12-01T${time}:00Z`);
    const agenda = [
      { kind: "part" as const, title: "Welcome", start: "10:00", minutes: 20 },
      { kind: "break" as const, title: "Break", start: "10:20", minutes: 10 },
      { kind: "part" as const, title: "Stories", start: "10:30", minutes: 30 },
      { kind: "break" as const, title: "Break for lunch", start: "11:00", minutes: 30 },
    ];
    startSession(as(fran, at("10:05")), documents, moduleId, { agenda });
    expect(onBreak(db, moduleId, at("10:19"))).toBe(false);
    expect(onBreak(db, moduleId, at("10:20"))).toBe(true);
    expect(onBreak(db, moduleId, at("10:29"))).toBe(true);
    expect(onBreak(db, moduleId, at("10:30"))).toBe(false);
    const during = liveSession(as(jordan, at("10:21")), moduleId).session;
    expect(during?.breakUntil).toEqual(at("10:30"));
    // What an open editor needs to start and end the breaks still to come by its own clock.
    expect(during?.scheduledBreaks).toEqual([
      { from: at("10:20"), until: at("10:30") },
      { from: at("11:00"), until: at("11:30") },
    ]);

    resumeSession(as(fran, at("11:05")), moduleId);
    expect(onBreak(db, moduleId, at("11:06"))).toBe(false);
    expect(liveSession(as(jordan, at("11:06")), moduleId).session).toMatchObject({
      breakUntil: null,
      scheduledBreaks: [],
    });
    // "Take a break" still calls one the agenda does not have.
    takeBreak(as(fran, at("11:40")), moduleId, { minutes: 5 });
    expect(onBreak(db, moduleId, at("11:44"))).toBe(true);
  });

  it("reads a scheduled break by London's clock in summer time too, and only on the day the session started", async () => {
    const moduleId = await module();
    // 10:20 in London in July is 09:20 UTC.
    startSession(as(fran, new Date("2027-07-01T08:55:00Z")), documents, moduleId, { agenda: AGENDA });
    expect(onBreak(db, moduleId, new Date("2027-07-01T09:19:00Z"))).toBe(false);
    expect(onBreak(db, moduleId, new Date("2027-07-01T09:20:00Z"))).toBe(true);
    expect(onBreak(db, moduleId, new Date("2027-07-01T10:20:00Z"))).toBe(false);
    expect(onBreak(db, moduleId, new Date("2027-07-02T09:25:00Z"))).toBe(false);
  });

  it("names in its summary someone who only watched: opened the editor while it ran, and changed nothing", async () => {
    const moduleId = await module();
    const start = new Date(Date.now() - 60_000);
    startSession(as(fran, start), documents, moduleId, { agenda: AGENDA });
    recordAttendance(db, moduleId, sam.user.id);
    recordAttendance(db, moduleId, sam.user.id);
    const { id } = endSession(as(fran), documents, moduleId);
    // Opening the editor once no session runs records nothing.
    recordAttendance(db, moduleId, jordan.user.id);
    expect(sessionSummary(as(fran), moduleId, id).people).toEqual(["Fran Mills", "Sam Quiet"]);
  });

  it("ends with a summary of what changed, what is open and who took part, kept for facilitators", async () => {
    const moduleId = await module();
    const start = new Date(Date.now() - 60_000);
    startSession(as(fran, start), documents, moduleId, { agenda: AGENDA });
    await write(moduleId, jordan.user.id, [
      { type: "paragraph", content: [{ type: "text", text: "And kindly." }] },
      { type: "heading", attrs: { level: 2, id: "after" }, content: [{ type: "text", text: "Afterwards" }] },
    ]);
    startThread(as(jordan), moduleId, { quote: "Gently.", body: "Could we give an example?" });
    const { id } = endSession(as(fran), documents, moduleId);

    expect(liveSession(as(fran), moduleId).session).toBeNull();
    expect(pastSessions(as(fran), moduleId).map((s) => s.id)).toEqual([id]);
    const summary = sessionSummary(as(fran), moduleId, id);
    expect(summary.people).toEqual(["Fran Mills", "Jordan Lee"]);
    expect(summary.summary).toEqual({
      sectionsEdited: [
        { title: "How to say it", change: "changed" },
        { title: "Afterwards", change: "added" },
      ],
      openComments: [{ quote: "Gently.", replies: 0 }],
      openSuggestions: 0,
    });
    expect(() => sessionSummary(as(jordan), moduleId, id)).toThrow(ForbiddenError);
    expect(() => sessionSummary(as(other), moduleId, id)).toThrow(NotFoundError);
  });

  it("stores nothing but the agenda, the sections' text, times and the summary: no check-in can be there", async () => {
    const moduleId = await module();
    startSession(as(fran), documents, moduleId, { agenda: AGENDA });
    endSession(as(fran), documents, moduleId);
    const row = db.select().from(workshopSessions).all().at(-1);
    expect(Object.keys(row ?? {}).sort()).toEqual(
      [
        "agenda",
        "breakResumedAt",
        "breakUntil",
        "endedAt",
        "endedBy",
        "id",
        "moduleId",
        "sectionsAtStart",
        "startedAt",
        "startedBy",
        "summary",
      ].sort(),
    );
    expect(Object.keys(row?.summary ?? {}).sort()).toEqual(["openComments", "openSuggestions", "sectionsEdited"]);
  });
});
