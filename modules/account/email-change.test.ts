import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { emailOutbox, users } from "../../db/schema";
import { EMAIL_CHANGE_LIFETIME_MS } from "../accounts/email-changes";
import { hashPassword } from "../accounts/passwords";
import { visitFor } from "../auth/context";
import { queueEmail } from "../email/outbox";
import { turnOff } from "../email/preferences";
import { InvalidError } from "../shared/errors";
import { testDatabase } from "../testing/database";
import { makeOrganisation, makeUser } from "../testing/fixtures";
import { confirmEmailChange, emailChangePage, requestEmailChange } from "./email-change";

const SECRET = "email-change-secret-email-change-secret";
const PASSWORD = "steady compass by the river";
const t = testDatabase();
afterAll(() => t.close());

const at = (ms: number) => new Date(Date.UTC(2026, 11, 1, 10) + ms);

async function person(name: string) {
  const { member } = makeOrganisation(t.db);
  const { user } = member(["learner"], name);
  t.db
    .update(users)
    .set({ passwordHash: await hashPassword(PASSWORD) })
    .where(eq(users.id, user.id))
    .run();
  return user;
}

const emailOf = (id: string) => t.db.select().from(users).where(eq(users.id, id)).get()?.email;
const tokenSentTo = (address: string) =>
  t.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, address)).all().at(-1)?.params.token ?? "";

describe("changing the email address", () => {
  it("sends a link to the new address and a notice to the old one, and changes nothing until confirmed", async () => {
    const user = await person("Alex Rowe");
    await requestEmailChange(visitFor(t.db, user.id, at(0)), SECRET, {
      newEmail: "alex.new@example.org",
      currentPassword: PASSWORD,
    });
    const sent = t.db
      .select()
      .from(emailOutbox)
      .all()
      .filter((m) => m.params.name === "Alex Rowe");
    expect(sent.map((m) => [m.kind, m.toAddress]).sort()).toEqual([
      ["email_change_confirmation", "alex.new@example.org"],
      ["email_change_notice", user.email],
    ]);
    expect(emailOf(user.id)).toBe(user.email);
    const token = tokenSentTo("alex.new@example.org");
    expect(emailChangePage(visitFor(t.db, null, at(0)), SECRET, token)).toEqual({
      ok: true,
      name: "Alex Rowe",
      newEmail: "alex.new@example.org",
    });
    expect(emailOf(user.id)).toBe(user.email);

    // What the person turned off follows them to the new address.
    turnOff(t.db, user.email, "invitation", at(0));
    expect(confirmEmailChange(visitFor(t.db, null, at(1000)), SECRET, token)).toEqual({
      newEmail: "alex.new@example.org",
    });
    expect(emailOf(user.id)).toBe("alex.new@example.org");
    const later = queueEmail(
      t.db,
      { orgId: null, kind: "invitation", to: "alex.new@example.org", params: {} },
      at(2000),
    );
    expect(t.db.select().from(emailOutbox).where(eq(emailOutbox.id, later)).get()?.status).toBe("unsubscribed");

    // Once only.
    expect(() => confirmEmailChange(visitFor(t.db, null, at(2000)), SECRET, token)).toThrow(
      "This link to confirm an email address has been used already: each works once.",
    );
  });

  it("refuses an address already in use without saying whose, and a wrong password", async () => {
    const user = await person("Jo Park");
    const other = makeUser(t.db, "Someone Else");
    const refused = await requestEmailChange(visitFor(t.db, user.id, at(0)), SECRET, {
      newEmail: other.email,
      currentPassword: PASSWORD,
    }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(InvalidError);
    expect((refused as InvalidError).message).toBe(
      "That email address is already used by another account. Choose a different one.",
    );
    expect((refused as InvalidError).message).not.toContain("Someone Else");
    const wrong = await requestEmailChange(visitFor(t.db, user.id, at(0)), SECRET, {
      newEmail: "jo.new@example.org",
      currentPassword: "not the password at all",
    }).catch((e: unknown) => e);
    expect((wrong as InvalidError).field).toBe("currentPassword");
    expect(t.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, "jo.new@example.org")).all()).toEqual([]);
  });

  it("refuses an expired or forged link, and an address taken in the meantime", async () => {
    const user = await person("Max Hill");
    const ask = async (newEmail: string, ms: number) => {
      await requestEmailChange(visitFor(t.db, user.id, at(ms)), SECRET, { newEmail, currentPassword: PASSWORD });
      return tokenSentTo(newEmail);
    };
    const expired = await ask("max.one@example.org", 0);
    expect(emailChangePage(visitFor(t.db, null, at(EMAIL_CHANGE_LIFETIME_MS)), SECRET, expired)).toMatchObject({
      ok: false,
      message: expect.stringContaining("has expired"),
    });
    const forged = `${expired.slice(0, -1)}${expired.endsWith("A") ? "B" : "A"}`;
    expect(emailChangePage(visitFor(t.db, null, at(0)), SECRET, forged)).toMatchObject({
      ok: false,
      message: "This link to confirm an email address is not valid. Check that you copied all of it.",
    });
    // A newer request replaces an older one still waiting.
    const taken = await ask("max.two@example.org", 0);
    expect(emailChangePage(visitFor(t.db, null, at(0)), SECRET, expired).ok).toBe(false);
    makeUser(t.db, "Quick Person");
    t.db.update(users).set({ email: "max.two@example.org" }).where(eq(users.name, "Quick Person")).run();
    expect(() => confirmEmailChange(visitFor(t.db, null, at(0)), SECRET, taken)).toThrow(
      "That email address is already used by another account. Choose a different one.",
    );
    expect(emailOf(user.id)).toBe(user.email);
  });
});
