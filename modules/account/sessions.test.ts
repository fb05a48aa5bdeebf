import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readSession, startNewSession } from "../accounts/sessions";
import { activityLog } from "../audit/activity-log";
import { contextFor, visitFor } from "../auth/context";
import { setSessionTimeouts } from "../organisations/timeouts";
import { NotFoundError } from "../shared/errors";
import { testDatabase } from "../testing/database";
import { makeOrganisation } from "../testing/fixtures";
import { endMyOtherSessions, endMySession, mySessions } from "./sessions";

const SECRET = "a-test-secret-that-is-long-enough-0123456789";
const FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";
const IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1";

let t: ReturnType<typeof testDatabase>;
beforeEach(() => {
  t = testDatabase();
});
afterEach(() => t.close());

function signIn(userId: string, orgId: string, userAgent: string, now = new Date()) {
  const { token } = startNewSession(t.db, SECRET, { userId, orgId, userAgent }, now);
  const session = readSession(t.db, SECRET, token, now);
  if (!session) throw new Error("session expected");
  return { token, id: session.id };
}

describe("a person's sessions", () => {
  it("lists only their own, each named from its browser, with this device marked", () => {
    const org = makeOrganisation(t.db);
    const kim = org.member(["learner"], "Kim");
    const sam = org.member(["learner"], "Sam");
    const earlier = new Date(Date.now() - 60 * 60 * 1000);
    const laptop = signIn(kim.user.id, org.org.id, FIREFOX, earlier);
    const phone = signIn(kim.user.id, org.org.id, IPHONE);
    signIn(sam.user.id, org.org.id, FIREFOX);

    const listed = mySessions(visitFor(t.db, kim.user.id), phone.id);
    expect(listed.map((s) => [s.id, s.device, s.current])).toEqual([
      [phone.id, "Safari on iOS", true],
      [laptop.id, "Firefox on Windows", false],
    ]);
    expect(JSON.stringify(listed)).not.toContain(phone.token);
    expect(() => mySessions(visitFor(t.db, null), phone.id)).toThrow();
  });

  it("signs out one of their own; another person's is not found and stays", () => {
    const org = makeOrganisation(t.db);
    const kim = org.member(["learner"], "Kim");
    const sam = org.member(["learner"], "Sam");
    const here = signIn(kim.user.id, org.org.id, FIREFOX);
    const there = signIn(kim.user.id, org.org.id, IPHONE);
    const sams = signIn(sam.user.id, org.org.id, FIREFOX);
    const kimVisit = visitFor(t.db, kim.user.id);

    expect(() => endMySession(kimVisit, { sessionId: sams.id }, { ip: null })).toThrow(NotFoundError);
    expect(readSession(t.db, SECRET, sams.token, new Date())).not.toBeNull();

    endMySession(kimVisit, { sessionId: there.id }, { ip: null });
    expect(readSession(t.db, SECRET, there.token, new Date())).toBeNull();
    expect(readSession(t.db, SECRET, here.token, new Date())).not.toBeNull();
  });

  it("signs out everywhere else, leaving this session and other people's", () => {
    const org = makeOrganisation(t.db);
    const kim = org.member(["learner"], "Kim");
    const sam = org.member(["learner"], "Sam");
    const here = signIn(kim.user.id, org.org.id, FIREFOX);
    const others = [signIn(kim.user.id, org.org.id, IPHONE), signIn(kim.user.id, org.org.id, FIREFOX)];
    const sams = signIn(sam.user.id, org.org.id, FIREFOX);

    endMyOtherSessions(visitFor(t.db, kim.user.id), here.id, { ip: null });
    for (const other of others) expect(readSession(t.db, SECRET, other.token, new Date())).toBeNull();
    expect(readSession(t.db, SECRET, here.token, new Date())).not.toBeNull();
    expect(readSession(t.db, SECRET, sams.token, new Date())).not.toBeNull();
  });
});

describe("the activity log", () => {
  it("shows sign-outs of other sessions and timeout changes, without ids or tokens", () => {
    const org = makeOrganisation(t.db);
    const kim = org.member(["learner"], "Kim");
    const here = signIn(kim.user.id, org.org.id, FIREFOX);
    const there = signIn(kim.user.id, org.org.id, IPHONE);
    const visit = visitFor(t.db, kim.user.id);
    endMySession(visit, { sessionId: there.id }, { ip: "192.0.2.1" });
    endMyOtherSessions(visit, here.id, { ip: "192.0.2.1" });
    setSessionTimeouts(contextFor(t.db, org.admin.actor), { idleTimeoutMinutes: 20, absoluteLifetimeDays: 14 });

    const log = activityLog(contextFor(t.db, org.admin.actor));
    expect(log.slice(0, 3).map((e) => [e.actorName, e.description])).toEqual([
      [
        "Admin Person",
        "Changed how long people stay signed in: signed out after 20 minutes unused, and after 14 days at most",
      ],
      ["Kim", "Signed out of all their other sessions"],
      ["Kim", "Signed out of one of their other sessions"],
    ]);
    const shown = JSON.stringify(log);
    for (const secret of [here.id, here.token, there.id, there.token]) expect(shown).not.toContain(secret);
  });
});
