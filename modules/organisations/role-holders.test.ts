import { SQLiteSyncDialect } from "drizzle-orm/sqlite-core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { testDatabase } from "../testing/database";
import { makeOrganisation } from "../testing/fixtures";
import { roleHolders, roleHoldersQuery } from "./role-holders";

let t: ReturnType<typeof testDatabase>;
beforeEach(() => {
  t = testDatabase();
});
afterEach(() => t.close());

describe("the members who hold a role", () => {
  it("are the organisation's holders of any of the roles, by name, each once", () => {
    const here = makeOrganisation(t.db, "Here");
    const elsewhere = makeOrganisation(t.db, "Elsewhere");
    const both = here.member(["trainer", "facilitator"], "Bea Both");
    const trainer = here.member(["trainer"], "Ann Trainer");
    here.member(["learner"], "Lee Learner");
    here.member(["supervisor"], "Sol Supervisor");
    elsewhere.member(["trainer"], "Other Trainer");

    expect(roleHolders(t.db, here.org.id, ["trainer", "facilitator"])).toEqual([
      { userId: trainer.user.id, name: "Ann Trainer" },
      { userId: both.user.id, name: "Bea Both" },
    ]);
    expect(roleHolders(t.db, here.org.id, ["admin"])).toEqual([{ userId: here.admin.user.id, name: "Admin Person" }]);
    expect(roleHolders(t.db, here.org.id, [])).toEqual([]);
  });

  it("start from the organisation's holders of the role: never every membership, nor every organisation's holders", () => {
    const here = makeOrganisation(t.db);
    for (let i = 0; i < 20; i++) here.member(["learner"], `Learner ${i}`);
    here.member(["trainer"]);
    // One box carries hundreds of organisations, each with its own trainers.
    for (let i = 0; i < 5; i++) makeOrganisation(t.db, `Other ${i}`).member(["trainer"]);
    const query = new SQLiteSyncDialect().sqlToQuery(roleHoldersQuery(here.org.id, ["trainer", "facilitator"]));
    const plan = (t.db.$client.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(...query.params) as { detail: string }[])
      .map((row) => row.detail)
      .filter((detail) => /^(SCAN|SEARCH) /.test(detail));

    expect(plan[0]).toMatch(/^SEARCH mr USING COVERING INDEX membership_roles_org_role_idx \(org_id=\? AND role=\?\)/);
    expect(plan.slice(1)).toEqual([
      expect.stringMatching(/^SEARCH m USING INDEX sqlite_autoindex_memberships_1 \(id=\?\)/),
      expect.stringMatching(/^SEARCH u USING INDEX sqlite_autoindex_users_1 \(id=\?\)/),
    ]);
  });
});
