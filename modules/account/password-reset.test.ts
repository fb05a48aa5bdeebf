import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { auditEvents, emailOutbox, passwordResets, sessions, users } from "../../db/schema";
import { RESET_LIFETIME_MS } from "../accounts/password-resets";
import { verifyPassword } from "../accounts/passwords";
import { authenticate } from "../accounts/service";
import { createSession } from "../accounts/sessions";
import { isLocked, MAX_ACCOUNT_FAILURES, recordFailure } from "../accounts/throttle";
import { visitFor } from "../auth/context";
import { InvalidError } from "../shared/errors";
import { testDatabase } from "../testing/database";
import { makeOrganisation } from "../testing/fixtures";
import { passwordResetPage, requestPasswordReset, resetForgottenPassword } from "./password-reset";

const SECRET = "reset-test-secret-reset-test-secret-reset";
const t = testDatabase();
afterAll(() => t.close());

const at = (ms: number) => new Date(Date.UTC(2026, 11, 1, 10) + ms);
const visit = (ms = 0) => visitFor(t.db, null, at(ms));
const NEW_PASSWORD = "quiet lantern over the harbour";

/** Asks for a reset and returns the token its email carries. */
function ask(address: string, ms = 0) {
  requestPasswordReset(visit(ms), SECRET, { email: address }, { ip: "192.0.2.9" });
  const sent = t.db
    .select()
    .from(emailOutbox)
    .where(eq(emailOutbox.toAddress, address))
    .all()
    .filter((m) => m.kind === "password_reset");
  return sent.at(-1)?.params.token ?? "";
}

describe("password reset", () => {
  it("emails a one-time link, stored only as a hash, under the person's organisation", () => {
    const { org, member } = makeOrganisation(t.db);
    const { user } = member(["learner"], "Robin Hart");
    const token = ask(user.email);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = t.db.select().from(passwordResets).where(eq(passwordResets.userId, user.id)).all();
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(stored[0]?.expiresAt.getTime()).toBe(at(RESET_LIFETIME_MS).getTime());
    const email = t.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, user.email)).get();
    expect(email).toMatchObject({ orgId: org.id, kind: "password_reset", params: { name: "Robin Hart", token } });
    expect(passwordResetPage(visit(), SECRET, token)).toEqual({ ok: true, name: "Robin Hart" });
  });

  it("answers an unknown address the same way, does the same writes, and sends nothing", () => {
    const before = t.db.select().from(emailOutbox).all().length;
    const resetsBefore = t.db.select().from(passwordResets).all().length;
    const auditBefore = t.db.select().from(auditEvents).all().length;
    expect(requestPasswordReset(visit(), SECRET, { email: "nobody.here@example.org" }, { ip: null })).toBeUndefined();
    expect(t.db.select().from(emailOutbox).all().length).toBe(before);
    // The same rows as for a real account, neither of which opens anything.
    expect(t.db.select().from(passwordResets).all().length).toBe(resetsBefore + 1);
    expect(t.db.select().from(auditEvents).all().length).toBe(auditBefore + 1);
  });

  it("sets a new password under the usual rules, signs out every session, and audits it", async () => {
    const { member } = makeOrganisation(t.db);
    const { user } = member(["trainer"], "Sam Lee");
    createSession(t.db, SECRET, user.id, null, at(0));
    createSession(t.db, SECRET, user.id, null, at(0));
    const token = ask(user.email);

    const weak = await resetForgottenPassword(
      visit(),
      SECRET,
      token,
      { newPassword: "password123" },
      {
        sessionId: null,
        ip: null,
      },
    ).catch((e: unknown) => e);
    expect(weak).toBeInstanceOf(InvalidError);
    // A refused password leaves the link usable.
    expect(passwordResetPage(visit(), SECRET, token).ok).toBe(true);

    await resetForgottenPassword(
      visit(60_000),
      SECRET,
      token,
      { newPassword: NEW_PASSWORD },
      {
        sessionId: null,
        ip: "192.0.2.9",
      },
    );
    const hash = t.db.select().from(users).where(eq(users.id, user.id)).get()?.passwordHash ?? "";
    expect(await verifyPassword(NEW_PASSWORD, hash)).toBe(true);
    expect(t.db.select().from(sessions).where(eq(sessions.userId, user.id)).all()).toEqual([]);
    expect(
      t.db
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.actorUserId, user.id))
        .all()
        .map((a) => a.action),
    ).toContain("password.reset");
  });

  it("lifts the lock a run of failed log-ins put on the account, so the new password lets them in", async () => {
    const { member } = makeOrganisation(t.db);
    const { user } = member(["learner"], "Ash Kaur");
    for (let i = 0; i < MAX_ACCOUNT_FAILURES; i++) recordFailure(t.db, user.email, `10.4.0.${i}`, at(0));
    expect(isLocked(t.db, user.email)).toBe(true);

    const token = ask(user.email);
    await resetForgottenPassword(visit(), SECRET, token, { newPassword: NEW_PASSWORD }, { sessionId: null, ip: null });
    expect(isLocked(t.db, user.email)).toBe(false);
    const back = await authenticate(t.db, { email: user.email, password: NEW_PASSWORD, ip: "10.4.1.1" }, at(60_000));
    expect(back.ok).toBe(true);
  });

  it("refuses a used, expired or forged link with a clear message, and changes nothing", async () => {
    const { member } = makeOrganisation(t.db);
    const { user } = member(["learner"], "Kai Moss");
    const first = ask(user.email);
    const second = ask(user.email);
    await resetForgottenPassword(visit(), SECRET, first, { newPassword: NEW_PASSWORD }, { sessionId: null, ip: null });
    const hashAfter = t.db.select().from(users).where(eq(users.id, user.id)).get()?.passwordHash;

    expect(passwordResetPage(visit(), SECRET, first)).toEqual({
      ok: false,
      message:
        "This link to reset a password has been used already: each works once. Ask for a new one if you need to.",
    });
    // Setting a password spends every other reset link of the account too.
    expect(passwordResetPage(visit(), SECRET, second).ok).toBe(false);

    const late = ask(user.email, 1000);
    expect(passwordResetPage(visit(1000 + RESET_LIFETIME_MS), SECRET, late)).toEqual({
      ok: false,
      message: "This link to reset a password has expired: each works for one hour. Ask for a new one.",
    });
    const forgedMessage =
      "This link to reset a password is not valid. Check that you copied all of it, or ask for a new one.";
    // A token changed in its last character; a random token may already end in "A".
    const altered = `${late.slice(0, -1)}${late.endsWith("A") ? "B" : "A"}`;
    for (const forged of [altered, "short", "a".repeat(43)]) {
      expect(passwordResetPage(visit(1000), SECRET, forged)).toEqual({ ok: false, message: forgedMessage });
    }
    // Another server's secret makes another hash: the token opens nothing there.
    expect(passwordResetPage(visit(1000), "another-secret-another-secret-another", late).ok).toBe(false);
    for (const token of [first, altered]) {
      const refused = await resetForgottenPassword(
        visit(1000),
        SECRET,
        token,
        { newPassword: "another calm password 42" },
        {
          sessionId: null,
          ip: null,
        },
      ).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(InvalidError);
    }
    expect(t.db.select().from(users).where(eq(users.id, user.id)).get()?.passwordHash).toBe(hashAfter);
  });

  it("sends at most three reset emails an hour to one account", () => {
    const { member } = makeOrganisation(t.db);
    const { user } = member(["learner"], "Noor Ali");
    for (let i = 0; i < 5; i++) ask(user.email, i * 1000);
    expect(t.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, user.email)).all()).toHaveLength(3);
    ask(user.email, RESET_LIFETIME_MS + 10_000);
    expect(t.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, user.email)).all()).toHaveLength(4);
  });
});
