import { eq, sql } from "drizzle-orm";
import { strFromU8, unzipSync } from "fflate";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  comments,
  emailOutbox,
  membershipRoles,
  supervisionShareHistory,
  supervisionShares,
  users,
} from "../../db/schema";
import { hashPassword } from "../accounts/passwords";
import { contextFor, visitFor } from "../auth/context";
import { creditLine, creditSummary, listContributions } from "../credits/service";
import { addMembership } from "../organisations/service";
import { formerLearnerTotals } from "../progress/personal-data";
import { InvalidError } from "../shared/errors";
import { testDatabase } from "../testing/database";
import { makeOrganisation } from "../testing/fixtures";
import {
  NEW_ADDRESS,
  PERSON_NAME,
  PRIVATE_TEXTS,
  personEverywhere,
  SESSION_DEVICE,
} from "../testing/person-everywhere";
import { deleteMyAccount, downloadMemberData, downloadMyData, eraseMember } from "./index";
import { REGISTRY } from "./registry";
import { schemaTables } from "./schema-tables";

let t: ReturnType<typeof testDatabase>;
beforeEach(() => {
  t = testDatabase();
});
afterEach(() => t.close());

const PASSWORD = "quiet meadow lantern 2718";
async function withPassword(userId: string) {
  t.db
    .update(users)
    .set({ passwordHash: await hashPassword(PASSWORD) })
    .where(eq(users.id, userId))
    .run();
}

function unzip(bytes: Uint8Array) {
  const files = unzipSync(bytes);
  return {
    names: Object.keys(files).sort(),
    data: JSON.parse(strFromU8(files["data.json"] ?? new Uint8Array())),
    html: strFromU8(files["summary.html"] ?? new Uint8Array()),
  };
}

/** Every value of every column of every table that contains one of the needles, as "table.column". */
function findEverywhere(needles: string[]): string[] {
  const found: string[] = [];
  for (const table of schemaTables()) {
    const rows = t.db.all<Record<string, unknown>>(sql.raw(`select * from "${table.name}"`));
    for (const row of rows) {
      for (const [column, value] of Object.entries(row)) {
        if (value === null || value === undefined) continue;
        const textOf =
          Buffer.isBuffer(value) || value instanceof Uint8Array ? Buffer.from(value).toString("latin1") : String(value);
        for (const needle of needles) {
          if (textOf.toLowerCase().includes(needle.toLowerCase())) found.push(`${table.name}.${column}: ${needle}`);
        }
      }
    }
  }
  return [...new Set(found)];
}

const personal = REGISTRY.filter((e) => e.holds === "personal");

describe("download my data", () => {
  it("holds rows from every table whose entry says it holds the person's data, and a readable summary", () => {
    const { bea } = personEverywhere(t.db);
    const zip = downloadMyData(visitFor(t.db, bea.user.id, new Date("2026-03-02T09:00:00Z")), { ip: null });
    const { names, data, html } = unzip(zip.bytes);
    expect(names).toEqual(["data.json", "summary.html"]);
    expect(data.person.name).toBe(PERSON_NAME);
    // An account that was never erased has no tombstone row: the one table empty for a live account.
    const empty = personal.filter((e) => (data.tables[e.table]?.rows.length ?? 0) === 0).map((e) => e.table);
    expect(empty).toEqual(["former_members"]);
    expect(JSON.stringify(data.tables.reflections.rows)).toContain(PRIVATE_TEXTS.journal);
    expect(JSON.stringify(data.tables.sessions.rows)).not.toMatch(/"id"/);
    expect(JSON.stringify(data.tables.sessions.rows)).toContain(SESSION_DEVICE);
    expect(JSON.stringify(data.tables.supervision_pages.rows)).toContain(PRIVATE_TEXTS.supervisionPoints);
    expect(JSON.stringify(data.tables.self_care_plans.rows)).toContain(PRIVATE_TEXTS.selfCarePlan);
    expect(JSON.stringify(data.tables.email_changes.rows)).toContain(NEW_ADDRESS);
    expect(JSON.stringify(data.tables.password_resets.rows)).not.toMatch(/token/i);
    expect(html).toContain('<html lang="en-GB">');
    expect(html).toContain("<h1>Your data in Alongside</h1>");
    expect(html).toContain("Your reflection journal");
    expect(html).toContain(PRIVATE_TEXTS.journal);
  });

  it("is recorded in the audit trail without any of the data", () => {
    const { bea } = personEverywhere(t.db);
    downloadMyData(visitFor(t.db, bea.user.id), { ip: "192.0.2.50" });
    const rows = t.db.all<{ action: string; detail: string | null }>(
      sql`select action, detail from audit_events where action = 'personal_data.exported'`,
    );
    expect(rows).toEqual([{ action: "personal_data.exported", detail: null }]);
  });

  it("for an admin passing it on, leaves the journal and supervision out, and names a reason in the log", () => {
    const { bea, world } = personEverywhere(t.db);
    const zip = downloadMemberData(contextFor(t.db, world.org.admin.actor), bea.actor.membershipId, {
      reason: "Asked by letter",
    });
    const { data, html } = unzip(zip.bytes);
    expect(data.tables.reflections).toBeUndefined();
    expect(data.leftOut).toEqual([
      "supervision_pages",
      "self_care_plans",
      "supervision_shares",
      "supervision_share_history",
      "reflections",
      "support_choices",
    ]);
    expect(html).toContain(
      "Your reflection journal, your self-care plan, your supervision pages and your support choice (where you are and the groups you chose) are not in this copy: they are private, and only you can download them",
    );
    for (const words of [PRIVATE_TEXTS.journal, PRIVATE_TEXTS.supervisionPoints, PRIVATE_TEXTS.selfCarePlan]) {
      expect(JSON.stringify(data)).not.toContain(words);
      expect(html).not.toContain(words);
    }
    const logged = t.db.all<{ detail: string }>(
      sql`select detail from audit_events where action = 'personal_data.exported_for_member'`,
    );
    expect(logged.map((r) => JSON.parse(r.detail))).toEqual([{ reason: "Asked by letter" }]);
  });

  it("is not found for a member of another organisation", () => {
    const { bea } = personEverywhere(t.db);
    const other = makeOrganisation(t.db, "Another service");
    expect(() =>
      downloadMemberData(contextFor(t.db, other.admin.actor), bea.actor.membershipId, { reason: "Asked by letter" }),
    ).toThrow(/could not be found/);
  });
});

describe("delete my account", () => {
  it("leaves the person's email, name and private words nowhere in the database", async () => {
    const { bea, email } = personEverywhere(t.db);
    await withPassword(bea.user.id);
    await deleteMyAccount(visitFor(t.db, bea.user.id), { password: PASSWORD, removeComments: false });
    expect(findEverywhere([email, NEW_ADDRESS, PERSON_NAME, ...Object.values(PRIVATE_TEXTS)])).toEqual([]);
  });

  it("takes back what she shared and what was shared with her as supervisor, and keeps others' email going", async () => {
    const { bea, world } = personEverywhere(t.db);
    await withPassword(bea.user.id);
    await deleteMyAccount(visitFor(t.db, bea.user.id), { password: PASSWORD, removeComments: false });
    expect(t.db.select().from(supervisionShares).all()).toEqual([]);
    const annHistory = t.db
      .select({ supervisorName: supervisionShareHistory.supervisorName })
      .from(supervisionShareHistory)
      .where(eq(supervisionShareHistory.userId, world.learners.ann.user.id))
      .all();
    expect(annHistory).toEqual([{ supervisorName: "A former member" }]);
    const left = t.db.select({ to: emailOutbox.toAddress, params: emailOutbox.params }).from(emailOutbox).all();
    expect(left).toEqual([
      { to: "newcomer@example.org", params: expect.objectContaining({ inviterName: "A former member", token: "t" }) },
      { to: "colleague@example.org", params: expect.objectContaining({ who: "A former member" }) },
      {
        to: "colleague@example.org",
        params: expect.objectContaining({ items: expect.stringContaining("A former member mentioned you") }),
      },
    ]);
  });

  it("keeps their comments by a former member, and their credits as they chose, falling back to not named", async () => {
    const { bea, world, commentId, ownModule } = personEverywhere(t.db);
    await withPassword(bea.user.id);
    await deleteMyAccount(visitFor(t.db, bea.user.id), { password: PASSWORD, removeComments: false });
    const kept = t.db
      .select({ body: comments.body, author: users.name })
      .from(comments)
      .innerJoin(users, eq(users.id, comments.authorId))
      .where(eq(comments.id, commentId))
      .get();
    expect(kept).toEqual({ body: "Could we say this more gently?", author: "A former member" });

    const lineOf = (moduleId: string) => creditLine(creditSummary(listContributions(t.db, moduleId), null));
    expect(lineOf(ownModule.moduleId)).toBe("Co-produced by 1 person who chose not to be named.");
    expect(lineOf(world.modules.a.moduleId)).toContain("Bee B.");
  });

  it("removes their comments when they ask, and the thread they started when nothing else is left in it", async () => {
    const { bea, commentId, threadId } = personEverywhere(t.db);
    await withPassword(bea.user.id);
    await deleteMyAccount(visitFor(t.db, bea.user.id), { password: PASSWORD, removeComments: true });
    expect(t.db.select().from(comments).where(eq(comments.id, commentId)).all()).toEqual([]);
    // Someone else replied, so the thread stays with their reply.
    expect(t.db.select({ body: comments.body }).from(comments).where(eq(comments.threadId, threadId)).all()).toEqual([
      { body: "Yes, good idea." },
    ]);
  });

  it("keeps what they did as counts with no one in them", async () => {
    const { bea, world, courseId } = personEverywhere(t.db);
    const before = formerLearnerTotals(t.db, world.org.org.id);
    expect(before).toEqual([]);
    await withPassword(bea.user.id);
    await deleteMyAccount(visitFor(t.db, bea.user.id), { password: PASSWORD, removeComments: false });
    const totals = formerLearnerTotals(t.db, world.org.org.id);
    expect(totals).toContainEqual(expect.objectContaining({ courseId, moduleId: "", started: 1, completed: 1 }));
    expect(totals).toContainEqual(
      expect.objectContaining({ courseId, moduleId: world.modules.a.moduleId, started: 1, completed: 1 }),
    );
  });

  it("is harmless a second time, and the audit trail says only that it happened", async () => {
    const { bea, world } = personEverywhere(t.db);
    await withPassword(bea.user.id);
    const ctx = contextFor(t.db, world.org.admin.actor);
    eraseMember(ctx, bea.actor.membershipId, { reason: "Asked by phone", removeComments: false });
    const dump = () => schemaTables().map((table) => t.db.all(sql.raw(`select * from "${table.name}"`)));
    const once = JSON.stringify(dump());
    expect(() => eraseMember(ctx, bea.actor.membershipId, { reason: "Asked by phone", removeComments: false })).toThrow(
      /could not be found/,
    );
    await deleteMyAccount(visitFor(t.db, bea.user.id), { password: PASSWORD, removeComments: false }).catch(() => {});
    expect(JSON.stringify(dump())).toBe(once);
    const logged = t.db.all<{ action: string; detail: string | null }>(
      sql`select action, detail from audit_events where action like '%erased'`,
    );
    expect(logged).toEqual([{ action: "member.erased", detail: JSON.stringify({ reason: "Asked by phone" }) }]);
  });

  it("refuses a wrong password and changes nothing", async () => {
    const { bea } = personEverywhere(t.db);
    await withPassword(bea.user.id);
    await expect(
      deleteMyAccount(visitFor(t.db, bea.user.id), { password: "not my password", removeComments: false }),
    ).rejects.toThrow(/not your password/);
    expect(t.db.select({ name: users.name }).from(users).where(eq(users.id, bea.user.id)).get()).toEqual({
      name: PERSON_NAME,
    });
  });

  it("refuses the last admin of an organisation, saying to make someone else admin first", async () => {
    const org = makeOrganisation(t.db, "Lonely service");
    await withPassword(org.admin.user.id);
    const attempt = deleteMyAccount(visitFor(t.db, org.admin.user.id), { password: PASSWORD, removeComments: false });
    await expect(attempt).rejects.toBeInstanceOf(InvalidError);
    await expect(attempt).rejects.toThrow(/only admin of Lonely service\. Make someone else an admin there first/);

    const other = org.member(["trainer"], "Second Person");
    addMembership(t.db, org.org.id, other.user.id, ["admin"], new Date());
    await deleteMyAccount(visitFor(t.db, org.admin.user.id), { password: PASSWORD, removeComments: false });
    expect(t.db.select({ name: users.name }).from(users).where(eq(users.id, org.admin.user.id)).get()).toEqual({
      name: "A former member",
    });
  });

  it("refuses an admin deleting a member who is the only admin of another organisation, saying why", () => {
    const { bea, world } = personEverywhere(t.db);
    const elsewhere = makeOrganisation(t.db, "Hillside service");
    addMembership(t.db, elsewhere.org.id, bea.user.id, ["admin"], new Date());
    t.db.delete(membershipRoles).where(eq(membershipRoles.membershipId, elsewhere.admin.actor.membershipId)).run();
    expect(() =>
      eraseMember(contextFor(t.db, world.org.admin.actor), bea.actor.membershipId, {
        reason: "Asked by phone",
        removeComments: false,
      }),
    ).toThrow("They are the only admin of Hillside service. Make someone else an admin there first");
  });
});
