import { afterEach, describe, expect, it } from "vitest";
import { emailOutbox } from "../../db/schema";
import { visitFor } from "../auth/context";
import { testDatabase } from "../testing/database";
import { queueEmail } from "./outbox";
import { movePreferences } from "./preferences";
import { unsubscribe, unsubscribePage } from "./unsubscribe";
import { readUnsubscribeToken, unsubscribeToken } from "./unsubscribe-tokens";

const SECRET = "unsubscribe-test-secret-unsubscribe-test";
const t = testDatabase();
afterEach(() => {
  t.db.delete(emailOutbox).run();
});
process.on("exit", () => t.close());

const visitor = () => visitFor(t.db, null);
const invitationTo = (to: string) =>
  queueEmail(t.db, { orgId: "org", kind: "invitation", to, params: { token: "x", orgName: "Org" } }, new Date());
const statusOf = (id: string) =>
  t.db
    .select()
    .from(emailOutbox)
    .all()
    .find((r) => r.id === id)?.status;

describe("unsubscribe links", () => {
  it("name the address and kind, and change nothing until the button is pressed", () => {
    const token = unsubscribeToken(SECRET, "Sam@Example.org", "invitation");
    expect(readUnsubscribeToken(SECRET, token)).toEqual({ address: "sam@example.org", kind: "invitation" });
    expect(unsubscribePage(visitor(), SECRET, token)).toEqual({
      ok: true,
      address: "sam@example.org",
      kind: "Invitations to join an organisation or a cohort",
      unsubscribed: false,
    });
    expect(statusOf(invitationTo("sam@example.org"))).toBe("waiting");
  });

  it("turn that kind off for that address, once and for all, without signing in", () => {
    const token = unsubscribeToken(SECRET, "lee@example.org", "invitation");
    expect(unsubscribe(visitor(), SECRET, token)).toMatchObject({ ok: true, unsubscribed: true });
    expect(unsubscribe(visitor(), SECRET, token)).toMatchObject({ ok: true, unsubscribed: true });
    expect(unsubscribePage(visitor(), SECRET, token)).toMatchObject({ ok: true, unsubscribed: true });
    // Held, not sent, and visible as such; other people still get theirs.
    expect(statusOf(invitationTo("LEE@example.org"))).toBe("unsubscribed");
    expect(statusOf(invitationTo("someone.else@example.org"))).toBe("waiting");
    // What a person needs for their account is always sent.
    const reset = queueEmail(
      t.db,
      { orgId: null, kind: "password_reset", to: "lee@example.org", params: { token: "r" } },
      new Date(),
    );
    expect(statusOf(reset)).toBe("waiting");
  });

  it("refuse a forged, altered or someone else's link with a clear message, and change nothing", () => {
    const real = unsubscribeToken(SECRET, "kim@example.org", "invitation");
    const [, signature] = real.split(".");
    const otherPayload = Buffer.from("invitation:victim@example.org").toString("base64url");
    const forged = [
      unsubscribeToken("another-server-secret-another-server", "kim@example.org", "invitation"),
      `${otherPayload}.${signature}`,
      real.slice(0, -2),
      "nonsense",
      "",
      // An essential kind has no unsubscribe link, so a link for one is not ours.
      unsubscribeToken(SECRET, "kim@example.org", "password_reset"),
    ];
    for (const token of forged) {
      const answer = unsubscribe(visitor(), SECRET, token);
      expect(answer, token).toEqual({
        ok: false,
        message:
          "This unsubscribe link is not valid, so nothing was changed. Check that you copied all of it, or use the link in a more recent email.",
      });
      expect(unsubscribePage(visitor(), SECRET, token).ok).toBe(false);
    }
    expect(statusOf(invitationTo("kim@example.org"))).toBe("waiting");
    expect(statusOf(invitationTo("victim@example.org"))).toBe("waiting");
  });

  it("follow a person to their new address", () => {
    unsubscribe(visitor(), SECRET, unsubscribeToken(SECRET, "old@example.org", "invitation"));
    movePreferences(t.db, "old@example.org", "new@example.org");
    expect(statusOf(invitationTo("new@example.org"))).toBe("unsubscribed");
    expect(statusOf(invitationTo("old@example.org"))).toBe("waiting");
  });
});
