import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sessions } from "../../db/schema";
import { contextFor } from "../auth/context";
import { setSessionTimeouts } from "../organisations/timeouts";
import { testDatabase } from "../testing/database";
import { makeOrganisation, makeUser } from "../testing/fixtures";
import { DEFAULT_IDLE_MINUTES, DEFAULT_LIFETIME_DAYS, readSession, startNewSession } from "./sessions";

const SECRET = "a-test-secret-that-is-long-enough-0123456789";
const MINUTE = 60 * 1000;
const DAY = 24 * 60 * MINUTE;
const start = new Date("2026-12-01T09:00:00Z");
const at = (ms: number) => new Date(start.getTime() + ms);

let t: ReturnType<typeof testDatabase>;
beforeEach(() => {
  t = testDatabase();
});
afterEach(() => t.close());

describe("session timeouts", () => {
  it("by default, end after 30 minutes unused and after 30 days however busy", () => {
    expect([DEFAULT_IDLE_MINUTES, DEFAULT_LIFETIME_DAYS]).toEqual([30, 30]);
    const user = makeUser(t.db);
    const idle = startNewSession(t.db, SECRET, { userId: user.id, orgId: null }, start).token;
    expect(readSession(t.db, SECRET, idle, at(29 * MINUTE))).not.toBeNull();
    expect(readSession(t.db, SECRET, idle, at(29 * MINUTE + 31 * MINUTE))).toBeNull();
    // A session that ended is gone, not merely refused.
    expect(t.db.select().from(sessions).all()).toHaveLength(0);
  });

  it("follow the organisation's own values, from the next request", () => {
    const org = makeOrganisation(t.db);
    const ctx = contextFor(t.db, org.admin.actor, start);
    setSessionTimeouts(ctx, { idleTimeoutMinutes: 10, absoluteLifetimeDays: 2 });
    const token = startNewSession(t.db, SECRET, { userId: org.admin.user.id, orgId: org.org.id }, start).token;
    expect(readSession(t.db, SECRET, token, at(9 * MINUTE))).not.toBeNull();
    expect(readSession(t.db, SECRET, token, at(9 * MINUTE + 11 * MINUTE))).toBeNull();

    // Kept busy, a session lasts the organisation's lifetime and no longer.
    const busy = startNewSession(t.db, SECRET, { userId: org.admin.user.id, orgId: org.org.id }, start).token;
    for (let now = 5 * MINUTE; now < 2 * DAY; now += 5 * MINUTE) {
      expect(readSession(t.db, SECRET, busy, at(now)), `after ${now / MINUTE} minutes`).not.toBeNull();
    }
    expect(readSession(t.db, SECRET, busy, at(2 * DAY))).toBeNull();

    // A longer idle timeout set later keeps open sessions going longer too.
    const later = startNewSession(t.db, SECRET, { userId: org.admin.user.id, orgId: org.org.id }, start).token;
    setSessionTimeouts(ctx, { idleTimeoutMinutes: 120, absoluteLifetimeDays: 2 });
    expect(readSession(t.db, SECRET, later, at(100 * MINUTE))).not.toBeNull();
  });

  it("kept signed in, only the lifetime applies, and the session says when it ends", () => {
    const org = makeOrganisation(t.db);
    setSessionTimeouts(contextFor(t.db, org.admin.actor, start), { idleTimeoutMinutes: 10, absoluteLifetimeDays: 3 });
    const kept = startNewSession(
      t.db,
      SECRET,
      { userId: org.admin.user.id, orgId: org.org.id, persistent: true },
      start,
    );
    expect(kept.expiresAt).toEqual(at(3 * DAY));
    expect(readSession(t.db, SECRET, kept.token, at(2 * DAY))?.persistent).toBe(true);
    expect(readSession(t.db, SECRET, kept.token, at(3 * DAY - MINUTE))).not.toBeNull();
    expect(readSession(t.db, SECRET, kept.token, at(3 * DAY))).toBeNull();

    const plain = startNewSession(t.db, SECRET, { userId: org.admin.user.id, orgId: org.org.id }, start);
    expect(readSession(t.db, SECRET, plain.token, at(11 * MINUTE))).toBeNull();
  });

  it("of another organisation never apply to a session in this one", () => {
    const north = makeOrganisation(t.db, "North");
    const south = makeOrganisation(t.db, "South");
    setSessionTimeouts(contextFor(t.db, south.admin.actor, start), { idleTimeoutMinutes: 5, absoluteLifetimeDays: 1 });
    const token = startNewSession(t.db, SECRET, { userId: north.admin.user.id, orgId: north.org.id }, start).token;
    expect(readSession(t.db, SECRET, token, at(20 * MINUTE))).not.toBeNull();
    const row = t.db.select().from(sessions).where(eq(sessions.userId, north.admin.user.id)).get();
    expect(row?.expiresAt).toEqual(at(30 * DAY));
  });
});
