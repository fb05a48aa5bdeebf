import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { emailOutbox } from "../../db/schema";
import { contextFor, visitFor } from "../auth/context";
import { reply, startThread } from "../comments/service";
import type { EmailKind } from "../email/kinds";
import { turnOff } from "../email/preferences";
import { renderMessage } from "../email/render";
import { requestReview } from "../review-requests/requests";
import { testDatabase } from "../testing/database";
import { moduleWithPeople } from "../testing/review-module";
import { runDigests } from "./digest-job";
import { notificationChoices, notificationChoicesSchema, setNotificationChoices } from "./index";

const LINKS = { origin: "https://alongside.example.org", secret: "notification-test-secret-notification" };

let t: ReturnType<typeof testDatabase>;
beforeEach(() => {
  t = testDatabase();
});
afterEach(() => t.close());

/** A time on a London calendar day (winter: London is on UTC). */
const at = (day: string, time = "12:00") => new Date(`${day}T${time}:00Z`);

function world() {
  const w = moduleWithPeople(t.db);
  const mailTo = (email: string) =>
    t.db
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.toAddress, email.toLowerCase()))
      .all()
      .map((m) => ({ ...m, rendered: renderMessage({ ...m, kind: m.kind as EmailKind }, LINKS) }));
  const choose = (person: { user: { id: string } }, choices: Record<string, string>) =>
    setNotificationChoices(
      visitFor(t.db, person.user.id, at("2027-03-01")),
      notificationChoicesSchema.parse({ mention: "now", reply: "now", review_request: "now", ...choices }),
    );
  return { ...w, mailTo, choose };
}

describe("email at once", () => {
  it("is queued with the comment for the person mentioned, naming the module, linking to it, quoting briefly", () => {
    const w = world();
    const long = `@Jo Lee could you look at this part? ${"It matters a great deal to how the whole thing reads. ".repeat(6)}`;
    startThread(contextFor(t.db, w.fran.actor, at("2027-03-02")), w.moduleId, { quote: "kind no", body: long });
    const [mail, ...more] = w.mailTo(w.jo.user.email);
    expect(more).toEqual([]);
    expect(mail?.kind).toBe("mention");
    expect(mail?.rendered.subject).toBe("Fran Mills mentioned you in a comment on Saying no kindly");
    expect(mail?.rendered.text).toContain(
      `Open Saying no kindly: https://alongside.example.org/workshop/${w.moduleId}`,
    );
    expect(mail?.rendered.text).toContain('"@Jo Lee could you look at this part?');
    expect(mail?.rendered.text).not.toContain(long.trim());
    expect(mail?.rendered.text).toMatch(/…"/);
    expect(mail?.rendered.unsubscribeUrl).toMatch(/^https:\/\/alongside\.example\.org\/unsubscribe\//);
    expect(w.mailTo(w.fran.user.email)).toEqual([]);
  });

  it("goes to the earlier authors of a thread when someone replies, and a mention is told once", () => {
    const w = world();
    const threadId = startThread(contextFor(t.db, w.jo.actor, at("2027-03-02")), w.moduleId, {
      quote: "kind no",
      body: "Is this too blunt?",
    });
    reply(contextFor(t.db, w.pri.actor, at("2027-03-02")), w.moduleId, threadId, "I think it is gentle enough.");
    expect(w.mailTo(w.jo.user.email).map((m) => m.rendered.subject)).toEqual([
      "Pri Shah replied to your comment on Saying no kindly",
    ]);
    reply(contextFor(t.db, w.fran.actor, at("2027-03-02")), w.moduleId, threadId, "Agreed, @Jo Lee.");
    expect(w.mailTo(w.jo.user.email).map((m) => m.kind)).toEqual(["comment_reply", "mention"]);
    expect(w.mailTo(w.pri.user.email).map((m) => m.kind)).toEqual(["comment_reply"]);
  });

  it("is rolled back with a comment that fails", () => {
    const w = world();
    expect(() =>
      startThread(contextFor(t.db, w.sam.actor, at("2027-03-02")), w.moduleId, { quote: "no", body: "@Jo Lee hi" }),
    ).toThrow();
    expect(w.mailTo(w.jo.user.email)).toEqual([]);
  });
});

describe("never", () => {
  it("sends nothing, and an unsubscribe link counts as never on the account page", () => {
    const w = world();
    w.choose(w.jo, { mention: "never" });
    startThread(contextFor(t.db, w.fran.actor, at("2027-03-02")), w.moduleId, { quote: "no", body: "@Jo Lee hi" });
    expect(w.mailTo(w.jo.user.email)).toEqual([]);

    turnOff(t.db, w.pri.user.email, "review_request", at("2027-03-01"));
    const pri = visitFor(t.db, w.pri.user.id);
    expect(notificationChoices(pri).kinds.map((k) => [k.kind, k.choice])).toEqual([
      ["mention", "now"],
      ["reply", "now"],
      ["review_request", "never"],
    ]);
    // Choosing at once again turns the email back on.
    w.choose(w.pri, { review_request: "now" });
    requestReview(contextFor(t.db, w.fran.actor, at("2027-03-02")), w.moduleId, {
      people: [w.pri.user.id],
      dueOn: "2027-03-09",
      note: "",
    });
    expect(w.mailTo(w.pri.user.email).map((m) => [m.kind, m.status])).toEqual([["review_request", "waiting"]]);
  });

  it("refuses a choice that is not one of the three, with a clear message", () => {
    const parsed = notificationChoicesSchema.safeParse({ mention: "hourly", reply: "now", review_request: "now" });
    expect(parsed.error?.issues[0]?.message).toBe("Choose at once, in a daily digest, or never.");
  });
});

describe("the daily digest", () => {
  it("gathers what happened since the last one into one email a day, and sends none when nothing happened", () => {
    const w = world();
    w.choose(w.jo, { mention: "digest", reply: "digest", review_request: "digest" });
    const fran = (day: string, time: string) => contextFor(t.db, w.fran.actor, at(day, time));
    const threadId = startThread(fran("2027-03-02", "09:00"), w.moduleId, {
      quote: "no",
      body: "@Jo Lee a first look?",
    });
    reply(contextFor(t.db, w.jo.actor, at("2027-03-02", "09:30")), w.moduleId, threadId, "On it.");
    reply(fran("2027-03-02", "10:00"), w.moduleId, threadId, "Thank you.");
    requestReview(fran("2027-03-02", "11:00"), w.moduleId, { people: [w.jo.user.id], dueOn: "2027-03-09", note: "" });
    expect(w.mailTo(w.jo.user.email)).toEqual([]);

    // Never in the night: from the morning, then once that day however often the job runs.
    expect(runDigests(t.db, at("2027-03-03", "07:00"))).toEqual({ sent: 0 });
    expect(runDigests(t.db, at("2027-03-03", "08:00"))).toEqual({ sent: 1 });
    reply(fran("2027-03-03", "08:30"), w.moduleId, threadId, "One more thing for tomorrow.");
    expect(runDigests(t.db, at("2027-03-03", "09:00"))).toEqual({ sent: 0 });
    expect(runDigests(t.db, at("2027-03-03", "23:00"))).toEqual({ sent: 0 });

    const [first] = w.mailTo(w.jo.user.email);
    expect(first?.kind).toBe("digest");
    expect(first?.rendered.subject).toBe("Your daily summary from Alongside: 3 updates");
    expect(first?.rendered.text).toContain('Fran Mills mentioned you on Saying no kindly: "@Jo Lee a first look?"');
    expect(first?.rendered.text).toContain('Fran Mills replied on Saying no kindly: "Thank you."');
    expect(first?.rendered.text).toContain("Fran Mills asked you to review Saying no kindly by 9 March 2027");
    expect(first?.rendered.text).toContain(`https://alongside.example.org/workshop/${w.moduleId}/review`);
    expect(first?.rendered.text).not.toContain("One more thing");
    expect(first?.rendered.unsubscribeUrl).toMatch(/^https:\/\/alongside\.example\.org\/unsubscribe\//);

    // The next day: only what happened since.
    expect(runDigests(t.db, at("2027-03-04", "08:00"))).toEqual({ sent: 1 });
    const second = w.mailTo(w.jo.user.email)[1];
    expect(second?.rendered.subject).toBe("Your daily summary from Alongside: 1 update");
    expect(second?.rendered.text).toContain("One more thing for tomorrow.");
    expect(second?.rendered.text).not.toContain("a first look");

    // Nothing happened: nothing is sent.
    expect(runDigests(t.db, at("2027-03-05", "08:00"))).toEqual({ sent: 0 });
    expect(w.mailTo(w.jo.user.email)).toHaveLength(2);
  });

  it("drops what waits for it when the person changes to never", () => {
    const w = world();
    w.choose(w.jo, { mention: "digest" });
    startThread(contextFor(t.db, w.fran.actor, at("2027-03-02")), w.moduleId, { quote: "no", body: "@Jo Lee hi" });
    w.choose(w.jo, { mention: "never" });
    expect(runDigests(t.db, at("2027-03-03", "09:00"))).toEqual({ sent: 0 });
    expect(w.mailTo(w.jo.user.email)).toEqual([]);
  });
});
