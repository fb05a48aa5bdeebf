import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sessions } from "../../db/schema";
import { InvalidError } from "../shared/errors";
import { testDatabase } from "../testing/database";
import { hashPassword, verifyPassword } from "./passwords";
import { authenticate, changePassword, insertUser } from "./service";
import { ABSOLUTE_LIFETIME_MS, createSession, IDLE_TIMEOUT_MS, readSession, revokeSession } from "./sessions";
import { MAX_ADDRESS_FAILURES, MAX_PAIR_FAILURES, WINDOW_MS } from "./throttle";

const SECRET = "a-test-secret-that-is-long-enough-0123456789";
let t: ReturnType<typeof testDatabase>;
beforeEach(() => {
  t = testDatabase();
});
afterEach(() => t.close());

describe("passwords", () => {
  it("hashes with scrypt N=2^17 and verifies only the right password", async () => {
    const hash = await hashPassword("correct horse battery");
    expect(hash.startsWith("scrypt$17$8$1$")).toBe(true);
    expect(await verifyPassword("correct horse battery", hash)).toBe(true);
    expect(await verifyPassword("correct horse batterY", hash)).toBe(false);
    expect(await verifyPassword("anything", "not-a-hash")).toBe(false);
  });

  it("accepts long passwords (128+ characters)", async () => {
    const long = "x".repeat(150);
    expect(await verifyPassword(long, await hashPassword(long))).toBe(true);
  });
});

async function insertUserWith(password: string) {
  return insertUser(t.db, { name: "Kim", email: "kim@example.org" }, await hashPassword(password), new Date());
}

describe("log-in", () => {
  async function withAccount(password = "a good password") {
    const hash = await hashPassword(password);
    return insertUser(t.db, { name: "Kim", email: "kim@example.org" }, hash, new Date());
  }

  it("gives the same answer for an unknown email and a wrong password", async () => {
    await withAccount();
    const unknown = await authenticate(t.db, { email: "nobody@example.org", password: "x", ip: "1.1.1.1" });
    const wrong = await authenticate(t.db, { email: "kim@example.org", password: "wrong password", ip: "1.1.1.1" });
    expect(unknown).toEqual({ ok: false, reason: "invalid" });
    expect(wrong).toEqual({ ok: false, reason: "invalid" });
  });

  it("failures for one account from many addresses, fewer than the lock needs, do not lock the person out", {
    timeout: 120_000,
  }, async () => {
    await withAccount();
    const now = new Date();
    for (let i = 0; i < 3 * MAX_PAIR_FAILURES; i++) {
      const r = await authenticate(t.db, { email: "kim@example.org", password: "nope", ip: `10.0.0.${i}` }, now);
      expect(r).toEqual({ ok: false, reason: "invalid" });
    }
    const kim = await authenticate(t.db, { email: "kim@example.org", password: "a good password", ip: "9.9.9.9" }, now);
    expect(kim.ok).toBe(true);
  });

  it("slows one address guessing one account, while the person gets in from elsewhere", {
    timeout: 120_000,
  }, async () => {
    await withAccount();
    const now = new Date();
    const from = (ip: string, password: string, at = now) =>
      authenticate(t.db, { email: "kim@example.org", password, ip }, at);
    for (let i = 0; i < MAX_PAIR_FAILURES; i++) expect((await from("6.6.6.6", `guess ${i}`)).ok).toBe(false);
    // That address, for that account, is refused without the password being checked...
    expect(await from("6.6.6.6", "a good password")).toEqual({ ok: false, reason: "throttled" });
    // ...while the person, from their own address, logs in with the right password.
    expect((await from("9.9.9.9", "a good password")).ok).toBe(true);
    // The same address can still try other accounts (up to the per-address limit).
    const other = await authenticate(t.db, { email: "sam@example.org", password: "x", ip: "6.6.6.6" }, now);
    expect(other).toEqual({ ok: false, reason: "invalid" });
    // Once the window has passed, that address may try again.
    const later = new Date(now.getTime() + WINDOW_MS + 1000);
    expect((await from("6.6.6.6", "a good password", later)).ok).toBe(true);
  });

  it("a successful log-in clears only its own address's failures for the account", { timeout: 120_000 }, async () => {
    await withAccount();
    const now = new Date();
    for (let i = 0; i < MAX_PAIR_FAILURES - 1; i++) {
      await authenticate(t.db, { email: "kim@example.org", password: "nope", ip: "6.6.6.6" }, now);
      await authenticate(t.db, { email: "kim@example.org", password: "nope", ip: "9.9.9.9" }, now);
    }
    expect(
      (await authenticate(t.db, { email: "kim@example.org", password: "a good password", ip: "9.9.9.9" }, now)).ok,
    ).toBe(true);
    // The person getting in does not give the other address a fresh set of guesses.
    await authenticate(t.db, { email: "kim@example.org", password: "nope", ip: "6.6.6.6" }, now);
    const guesser = await authenticate(
      t.db,
      { email: "kim@example.org", password: "a good password", ip: "6.6.6.6" },
      now,
    );
    expect(guesser).toEqual({ ok: false, reason: "throttled" });
  });

  it("throttles an IP address that fails across many accounts", { timeout: 90_000 }, async () => {
    await withAccount();
    const now = new Date();
    for (let i = 0; i < MAX_ADDRESS_FAILURES; i++) {
      await authenticate(t.db, { email: `guess${i}@example.org`, password: "nope", ip: "6.6.6.6" }, now);
    }
    const r = await authenticate(t.db, { email: "kim@example.org", password: "a good password", ip: "6.6.6.6" }, now);
    expect(r).toEqual({ ok: false, reason: "throttled" });
    const elsewhere = await authenticate(
      t.db,
      { email: "kim@example.org", password: "a good password", ip: "7.7.7.7" },
      now,
    );
    expect(elsewhere.ok).toBe(true);
  });

  it("changing the password needs the current one and signs out other sessions", async () => {
    const user = await withAccount();
    const now = new Date();
    const mine = createSession(t.db, SECRET, user.id, null, now);
    const other = createSession(t.db, SECRET, user.id, null, now);
    const mySession = readSession(t.db, SECRET, mine, now);
    if (!mySession) throw new Error("session expected");
    await expect(
      changePassword(t.db, {
        userId: user.id,
        sessionId: mySession.id,
        currentPassword: "bad",
        newPassword: "new one!",
      }),
    ).rejects.toThrow("current password");
    await changePassword(t.db, {
      userId: user.id,
      sessionId: mySession.id,
      currentPassword: "a good password",
      newPassword: "a new password",
    });
    expect(readSession(t.db, SECRET, mine, now)).not.toBeNull();
    expect(readSession(t.db, SECRET, other, now)).toBeNull();
    expect((await authenticate(t.db, { email: "kim@example.org", password: "a new password", ip: "1.2.3.4" })).ok).toBe(
      true,
    );
  });
});

describe("changing the password", () => {
  it("refuses an easily guessed new password, on the new password field, and keeps the old one", async () => {
    const user = await insertUserWith("a good password");
    const session = readSession(t.db, SECRET, createSession(t.db, SECRET, user.id, null, new Date()), new Date());
    if (!session) throw new Error("session expected");
    for (const [newPassword, message] of [
      ["iloveyou", /most common/],
      ["xxxxxxxxxxxx", /same character/],
      ["kim@example.org!", /email address/],
    ] as const) {
      const attempt = changePassword(t.db, {
        userId: user.id,
        sessionId: session.id,
        currentPassword: "a good password",
        newPassword,
      });
      await expect(attempt).rejects.toThrow(InvalidError);
      await expect(attempt).rejects.toMatchObject({ field: "newPassword", message: expect.stringMatching(message) });
    }
    expect(
      (await authenticate(t.db, { email: "kim@example.org", password: "a good password", ip: "1.2.3.4" })).ok,
    ).toBe(true);
  });
});

describe("sessions", () => {
  it("stores only a keyed hash of the token", () => {
    const user = insertUser(t.db, { name: "Lee", email: "lee@example.org" }, "x", new Date());
    const token = createSession(t.db, SECRET, user.id, null, new Date());
    expect(Buffer.from(token, "base64url").length).toBeGreaterThanOrEqual(16);
    const rows = t.db.select().from(sessions).all();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.id).not.toContain(token);
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it("expires after the idle timeout and after the absolute lifetime", () => {
    const user = insertUser(t.db, { name: "Lee", email: "lee@example.org" }, "x", new Date());
    const start = new Date("2026-01-01T09:00:00Z");
    const idle = createSession(t.db, SECRET, user.id, null, start);
    expect(readSession(t.db, SECRET, idle, new Date(start.getTime() + IDLE_TIMEOUT_MS - 1000))).not.toBeNull();
    const t2 = new Date(start.getTime() + IDLE_TIMEOUT_MS - 1000 + IDLE_TIMEOUT_MS + 1000);
    expect(readSession(t.db, SECRET, idle, t2)).toBeNull();

    const busy = createSession(t.db, SECRET, user.id, null, start);
    // Kept active every half idle timeout, it still ends at the absolute lifetime.
    let now = start;
    const step = IDLE_TIMEOUT_MS / 2;
    while (now.getTime() + step < start.getTime() + ABSOLUTE_LIFETIME_MS) {
      now = new Date(now.getTime() + step);
      expect(readSession(t.db, SECRET, busy, now)).not.toBeNull();
    }
    expect(readSession(t.db, SECRET, busy, new Date(start.getTime() + ABSOLUTE_LIFETIME_MS))).toBeNull();
  });

  it("is gone once revoked", () => {
    const user = insertUser(t.db, { name: "Lee", email: "lee@example.org" }, "x", new Date());
    const token = createSession(t.db, SECRET, user.id, null, new Date());
    const s = readSession(t.db, SECRET, token, new Date());
    if (!s) throw new Error("session expected");
    revokeSession(t.db, s.id);
    expect(readSession(t.db, SECRET, token, new Date())).toBeNull();
  });

  it("is found only with the secret its token was hashed with, however often it was read before", () => {
    const user = insertUser(t.db, { name: "Lee", email: "lee@example.org" }, "x", new Date());
    const token = createSession(t.db, SECRET, user.id, null, new Date());
    expect(readSession(t.db, SECRET, token, new Date())?.user.id).toBe(user.id);
    expect(readSession(t.db, `${SECRET}-rotated`, token, new Date())).toBeNull();
    expect(readSession(t.db, SECRET, token, new Date())?.user.id).toBe(user.id);
  });
});
