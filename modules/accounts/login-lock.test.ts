import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { auditEvents } from "../../db/schema";
import { testDatabase } from "../testing/database";
import { hashPassword } from "./passwords";
import { authenticate, insertUser } from "./service";
import { ACCOUNT_WINDOW_MS, clearLoginLock, MAX_ACCOUNT_FAILURES, recordFailure } from "./throttle";

let t: ReturnType<typeof testDatabase>;
beforeEach(() => {
  t = testDatabase();
});
afterEach(() => t.close());

const PASSWORD = "a good password";
const now = new Date("2026-12-01T09:00:00Z");

/** Failures recorded as a wrong password records them, without the slow hashing of each guess. */
function recordFailures(email: string, times: number, at = now) {
  for (let i = 0; i < times; i++) recordFailure(t.db, email, `10.2.0.${i}`, at);
}

/** Failures for one email, each from its own address, so no per-address limit is reached first. */
async function failFromManyAddresses(email: string, times: number, at = now, tag = "a") {
  const results = [];
  for (let i = 0; i < times; i++) {
    results.push(await authenticate(t.db, { email, password: `guess ${tag}${i}`, ip: `10.1.${tag.length}.${i}` }, at));
  }
  return results;
}

describe("the per-account lock", () => {
  it("locks an account after many failures from any addresses, even for the right password, until cleared", {
    timeout: 180_000,
  }, async () => {
    const kim = insertUser(t.db, { name: "Kim", email: "kim@example.org" }, await hashPassword(PASSWORD), now);
    const results = await failFromManyAddresses("kim@example.org", MAX_ACCOUNT_FAILURES);
    expect(results.slice(0, -1).every((r) => !r.ok && r.reason === "invalid")).toBe(true);
    expect(results.at(-1)).toEqual({ ok: false, reason: "locked" });

    // The right password, from an address that never failed, an hour and more later: still locked.
    const later = new Date(now.getTime() + 2 * ACCOUNT_WINDOW_MS);
    expect(await authenticate(t.db, { email: "kim@example.org", password: PASSWORD, ip: "9.9.9.9" }, later)).toEqual({
      ok: false,
      reason: "locked",
    });
    const locks = t.db
      .select()
      .from(auditEvents)
      .all()
      .filter((e) => e.action === "login.locked");
    expect(locks).toHaveLength(1);
    expect(locks[0]?.actorUserId).toBe(kim.id);

    clearLoginLock(t.db, kim.id);
    const back = await authenticate(t.db, { email: "kim@example.org", password: PASSWORD, ip: "9.9.9.9" }, later);
    expect(back.ok).toBe(true);
    // Its failures are forgotten with the lock: one more mistake does not lock it again.
    expect(await authenticate(t.db, { email: "kim@example.org", password: "oops", ip: "9.9.9.9" }, later)).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  it("counts only the last hour", { timeout: 180_000 }, async () => {
    insertUser(t.db, { name: "Kim", email: "kim@example.org" }, await hashPassword(PASSWORD), now);
    recordFailures("kim@example.org", MAX_ACCOUNT_FAILURES - 1);
    const later = new Date(now.getTime() + ACCOUNT_WINDOW_MS + 1000);
    const [next] = await failFromManyAddresses("kim@example.org", 1, later, "bb");
    expect(next).toEqual({ ok: false, reason: "invalid" });
    expect((await authenticate(t.db, { email: "kim@example.org", password: PASSWORD, ip: "9.9.9.9" }, later)).ok).toBe(
      true,
    );
  });

  it("answers an email with no account exactly as one with an account", { timeout: 180_000 }, async () => {
    recordFailures("nobody@example.org", MAX_ACCOUNT_FAILURES - 1);
    const results = await failFromManyAddresses("nobody@example.org", 2);
    expect(results.at(-2)).toEqual({ ok: false, reason: "locked" });
    expect(results.at(-1)).toEqual({ ok: false, reason: "locked" });
    const later = new Date(now.getTime() + 2 * ACCOUNT_WINDOW_MS);
    expect(await authenticate(t.db, { email: "nobody@example.org", password: "x", ip: "9.9.9.9" }, later)).toEqual({
      ok: false,
      reason: "locked",
    });
  });

  it("clearing one account's lock leaves another's", { timeout: 60_000 }, async () => {
    const kim = insertUser(t.db, { name: "Kim", email: "kim@example.org" }, await hashPassword(PASSWORD), now);
    insertUser(t.db, { name: "Lee", email: "lee@example.org" }, await hashPassword(PASSWORD), now);
    recordFailures("kim@example.org", MAX_ACCOUNT_FAILURES);
    recordFailures("lee@example.org", MAX_ACCOUNT_FAILURES);
    clearLoginLock(t.db, kim.id);
    const lee = await authenticate(t.db, { email: "lee@example.org", password: PASSWORD, ip: "9.9.9.9" }, now);
    expect(lee).toEqual({ ok: false, reason: "locked" });
  });
});
