import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { afterEach, describe, expect, it } from "vitest";

const MIGRATIONS = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");

type Journal = { entries: { idx: number; tag: string }[] };

/** A migrations folder holding only the migrations before `tag`, to bring a database to that point. */
function migrationsBefore(tag: string, into: string) {
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS, "meta", "_journal.json"), "utf8")) as Journal;
  const upTo = journal.entries.findIndex((e) => e.tag === tag);
  if (upTo === -1) throw new Error(`no migration ${tag}`);
  const entries = journal.entries.slice(0, upTo);
  fs.mkdirSync(path.join(into, "meta"), { recursive: true });
  fs.writeFileSync(path.join(into, "meta", "_journal.json"), JSON.stringify({ ...journal, entries }));
  for (const e of entries) fs.copyFileSync(path.join(MIGRATIONS, `${e.tag}.sql`), path.join(into, `${e.tag}.sql`));
}

let folder = "";
afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

describe("migration 0009_personal_invitations", () => {
  it("makes the invitations sent to people on a learner list personal, and leaves links for anyone open", () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), "alongside-migration-"));
    migrationsBefore("0009_personal_invitations", path.join(folder, "before"));
    const sqlite = new Database(path.join(folder, "test.sqlite"));
    const db = drizzle(sqlite);
    migrate(db, { migrationsFolder: path.join(folder, "before") });
    const now = Date.now();
    sqlite.prepare("insert into organisations (id, name, slug, created_at) values ('org', 'Org', 'org', ?)").run(now);
    sqlite
      .prepare(
        "insert into cohorts (id, org_id, name, starts_on, created_at) values ('cohort', 'org', 'Spring', '2027-01-04', ?)",
      )
      .run(now);
    const invite = sqlite.prepare(
      "insert into invitations (id, org_id, token_hash, roles, label, max_uses, expires_at, cohort_id, created_at) values (?, 'org', ?, '[\"learner\"]', ?, ?, ?, 'cohort', ?)",
    );
    invite.run("personal", "hash-1", "Ben Ode (Spring)", 1, now + 1e9, now);
    invite.run("anyone", "hash-2", "Cohort: Spring", 500, now + 1e9, now);
    sqlite
      .prepare(
        "insert into cohort_invitees (cohort_id, invitation_id, name, email, added_at) values ('cohort', 'personal', 'Ben Ode', 'Ben@Example.org', ?)",
      )
      .run(now);

    migrate(db, { migrationsFolder: MIGRATIONS });
    const emails = sqlite.prepare("select id, email from invitations order by id").all();
    expect(emails).toEqual([
      { id: "anyone", email: null },
      { id: "personal", email: "ben@example.org" },
    ]);
    sqlite.close();
  });
});

describe("migration 0037_membership_roles_org", () => {
  it("gives every role its membership's organisation, keeps every role, and still deletes roles with a membership", () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), "alongside-migration-"));
    migrationsBefore("0037_membership_roles_org", path.join(folder, "before"));
    const sqlite = new Database(path.join(folder, "test.sqlite"));
    sqlite.pragma("foreign_keys = ON");
    const db = drizzle(sqlite);
    migrate(db, { migrationsFolder: path.join(folder, "before") });
    const now = Date.now();
    const org = sqlite.prepare("insert into organisations (id, name, slug, created_at) values (?, ?, ?, ?)");
    const user = sqlite.prepare(
      "insert into users (id, email, name, password_hash, created_at) values (?, ?, ?, 'hash', ?)",
    );
    const membership = sqlite.prepare("insert into memberships (id, org_id, user_id, created_at) values (?, ?, ?, ?)");
    const role = sqlite.prepare("insert into membership_roles (membership_id, role) values (?, ?)");
    org.run("north", "North", "north", now);
    org.run("south", "South", "south", now);
    user.run("ann", "ann@example.org", "Ann", now);
    user.run("ben", "ben@example.org", "Ben", now);
    membership.run("ann-north", "north", "ann", now);
    membership.run("ann-south", "south", "ann", now);
    membership.run("ben-north", "north", "ben", now);
    role.run("ann-north", "admin");
    role.run("ann-north", "trainer");
    role.run("ann-south", "learner");
    role.run("ben-north", "learner");

    migrate(db, { migrationsFolder: MIGRATIONS });
    expect(sqlite.prepare("select membership_id, org_id, role from membership_roles order by 1, 3").all()).toEqual([
      { membership_id: "ann-north", org_id: "north", role: "admin" },
      { membership_id: "ann-north", org_id: "north", role: "trainer" },
      { membership_id: "ann-south", org_id: "south", role: "learner" },
      { membership_id: "ben-north", org_id: "north", role: "learner" },
    ]);
    sqlite.prepare("delete from memberships where id = 'ben-north'").run();
    sqlite.prepare("delete from organisations where id = 'south'").run();
    expect(sqlite.prepare("select membership_id from membership_roles").all()).toEqual([
      { membership_id: "ann-north" },
      { membership_id: "ann-north" },
    ]);
    expect(sqlite.pragma("foreign_key_check")).toEqual([]);
    sqlite.close();
  });
});
