import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { emailOutbox } from "../../db/schema";
import { testDatabase } from "../testing/database";
import { type SmtpReceiver, startSmtpReceiver } from "../testing/smtp-receiver";
import { FIRST_RETRY_MS, queueEmail } from "./outbox";
import { deliverDue, startEmailSender } from "./sender";
import { smtpTransport } from "./smtp";

const links = { origin: "https://alongside.example.org", secret: "outbox-test-secret-outbox-test-secret" };
const settings = (url: string) => ({ smtpUrl: url, from: "Alongside <alongside@example.org>", origin: links.origin });
const invitation = {
  orgId: "org-1",
  kind: "invitation" as const,
  to: "New.Person@example.org",
  params: { orgName: "North Peer Support", inviterName: "Ayesha Khan", roles: "Learner", expiresOn: "1 January 2027" },
};

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const clean of cleanups.splice(0).reverse()) await clean();
});

function database() {
  const t = testDatabase();
  cleanups.push(t.close);
  return t.db;
}

async function receiver(port?: number): Promise<SmtpReceiver> {
  const r = await startSmtpReceiver({ port });
  cleanups.push(r.stop);
  return r;
}

const rows = (db: ReturnType<typeof database>) => db.select().from(emailOutbox).all();

describe("the email outbox", () => {
  it("queues a message in the transaction of the change that causes it, and loses it with a rollback", () => {
    const db = database();
    const now = new Date();
    db.transaction((tx) => queueEmail(tx, { ...invitation, params: { ...invitation.params, token: "a" } }, now));
    expect(rows(db)).toHaveLength(1);
    expect(() =>
      db.transaction((tx) => {
        queueEmail(tx, { ...invitation, params: { ...invitation.params, token: "b" } }, now);
        throw new Error("the change failed");
      }),
    ).toThrow("the change failed");
    expect(rows(db).map((r) => r.params.token)).toEqual(["a"]);
    expect(rows(db)[0]?.toAddress).toBe("new.person@example.org");
  });

  it("sends over SMTP a plain-text and an accessible HTML part, with one-click unsubscribe, exactly once", async () => {
    const db = database();
    const smtp = await receiver();
    const id = queueEmail(db, { ...invitation, params: { ...invitation.params, token: "tok123" } }, new Date());
    const transport = smtpTransport(settings(smtp.url));
    cleanups.push(transport.close);
    expect(await deliverDue(db, transport, links)).toMatchObject({ sent: 1, failed: 0 });
    // Nothing is due any more: a second round sends nothing again.
    expect(await deliverDue(db, transport, links)).toMatchObject({ sent: 0, failed: 0 });
    const mail = await smtp.waitFor(() => true);
    expect(smtp.received).toHaveLength(1);
    expect(mail.to).toEqual(["new.person@example.org"]);
    expect(mail.subject).toBe("You are invited to join North Peer Support on Alongside");
    expect(mail.text).toContain("Accept the invitation: https://alongside.example.org/join/tok123");
    expect(mail.html).toContain('<html lang="en">');
    expect(mail.html).toMatch(/<h1[^>]*>An invitation to North Peer Support<\/h1>/);
    expect(mail.html).toMatch(
      /<a href="https:\/\/alongside.example.org\/join\/tok123"[^>]*>Accept the invitation<\/a>/,
    );
    expect(mail.html).not.toContain("<table");
    expect(mail.headers["list-unsubscribe"]).toMatch(/^<https:\/\/alongside\.example\.org\/unsubscribe\/[^>]+>$/);
    expect(mail.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    expect(mail.messageId).toBe(`<${id}@alongside.example.org>`);
    expect(rows(db)[0]).toMatchObject({ status: "sent", attempts: 1, lastError: null });
  });

  it("gives a message a person needs for their account no unsubscribe link", async () => {
    const db = database();
    const smtp = await receiver();
    queueEmail(
      db,
      { orgId: null, kind: "password_reset", to: "a@example.org", params: { name: "A", token: "t" } },
      new Date(),
    );
    const transport = smtpTransport(settings(smtp.url));
    cleanups.push(transport.close);
    await deliverDue(db, transport, links);
    const mail = await smtp.waitFor(() => true);
    expect(mail.headers["list-unsubscribe"]).toBeUndefined();
    expect(mail.text).not.toContain("/unsubscribe/");
  });

  it("keeps a message when SMTP is down, retries with a doubling wait, and delivers it once when it is back", async () => {
    const db = database();
    // A port nobody listens on yet; the receiver starts there later.
    const probe = await startSmtpReceiver();
    const port = probe.port;
    await probe.stop();
    const transport = smtpTransport(settings(`smtp://127.0.0.1:${port}`));
    cleanups.push(transport.close);
    const start = new Date("2026-12-01T10:00:00Z");
    let clock = start.getTime();
    const now = () => new Date(clock);
    queueEmail(db, { ...invitation, params: { ...invitation.params, token: "late" } }, start);

    expect(await deliverDue(db, transport, links, { now })).toMatchObject({ sent: 0, failed: 1 });
    let row = rows(db)[0];
    expect(row).toMatchObject({ status: "waiting", attempts: 1 });
    expect(row?.lastError).toMatch(/ECONNREFUSED/);
    expect(row?.nextAttemptAt.getTime()).toBe(clock + FIRST_RETRY_MS);

    // Not due yet: nothing is tried.
    clock += FIRST_RETRY_MS - 1;
    expect(await deliverDue(db, transport, links, { now })).toMatchObject({ sent: 0, failed: 0 });

    clock += 1;
    expect(await deliverDue(db, transport, links, { now })).toMatchObject({ failed: 1 });
    row = rows(db)[0];
    expect(row?.attempts).toBe(2);
    expect(row?.nextAttemptAt.getTime()).toBe(clock + 2 * FIRST_RETRY_MS);

    const smtp = await receiver(port);
    clock += 2 * FIRST_RETRY_MS;
    expect(await deliverDue(db, transport, links, { now })).toMatchObject({ sent: 1, failed: 0 });
    clock += 60 * 60_000;
    expect(await deliverDue(db, transport, links, { now })).toMatchObject({ sent: 0, failed: 0 });
    await smtp.waitFor((m) => m.text.includes("/join/late"));
    expect(smtp.received).toHaveLength(1);
    expect(rows(db)[0]).toMatchObject({ status: "sent", attempts: 3, lastError: null });
  });

  it("sends a message only once when two senders look at the same moment", async () => {
    const db = database();
    const smtp = await receiver();
    const first = smtpTransport(settings(smtp.url));
    const second = smtpTransport(settings(smtp.url));
    cleanups.push(first.close, second.close);
    queueEmail(db, { ...invitation, params: { ...invitation.params, token: "race" } }, new Date());
    const results = await Promise.all([deliverDue(db, first, links), deliverDue(db, second, links)]);
    expect(results.reduce((sum, r) => sum + r.sent, 0)).toBe(1);
    await smtp.waitFor(() => true);
    expect(smtp.received).toHaveLength(1);
  });

  it("without SMTP keeps every message queued, and names each new one in the log without its content", async () => {
    const db = database();
    const lines: string[] = [];
    const sender = startEmailSender(db, { transport: null, links, announce: true }, { log: (l) => lines.push(l) });
    cleanups.push(sender.stop);
    const id = queueEmail(db, { ...invitation, params: { ...invitation.params, token: "secret-token" } }, new Date());
    await sender.tick();
    await sender.tick();
    expect(lines).toEqual([`Email queued: ${id} (invitation) to new.person@example.org, waiting for SMTP_URL`]);
    expect(db.select().from(emailOutbox).where(eq(emailOutbox.id, id)).get()?.status).toBe("waiting");
  });
});
