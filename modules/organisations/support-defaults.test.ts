import fs from "node:fs";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import raw from "../../content/support-resources.json";
import { supportDefaultsOffered, supportResources } from "../../db/schema";
import { contextFor } from "../auth/context";
import { testDatabase } from "../testing/database";
import { makeOrganisation } from "../testing/fixtures";
import { ROOT } from "../testing/house";
import {
  deleteSupportResource,
  listSupportResources,
  supportDefaultsReview,
  supportStillToComplete,
  updateSupportResource,
} from "./support";
import { offerNewSupportDefaults, SUPPORT_DEFAULTS } from "./support-defaults";
import { parseSupportDefaults } from "./support-defaults-file";

let database: ReturnType<typeof testDatabase>;
beforeEach(() => {
  database = testDatabase();
});
afterEach(() => database.close());

const entry = raw.resources[0] as Record<string, unknown>;
const withEntry = (changes: Record<string, unknown>, drop: string[] = []) => {
  const changed: Record<string, unknown> = { ...entry, ...changes };
  for (const field of drop) delete changed[field];
  return { ...raw, resources: [changed] };
};

describe("the default support resources file", () => {
  it("gives every entry its service's own page on https, the day it was checked, its places and groups, and a way to reach it", () => {
    expect(raw.resources.length).toBeGreaterThan(10);
    for (const r of raw.resources) {
      expect(r.source, r.name).toMatch(/^https:\/\/[^\s/]+\.[^\s]+$/);
      expect(r.checked, r.name).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(r.checked <= raw.reviewBy, r.name).toBe(true);
      expect(r.nations.length, r.name).toBeGreaterThan(0);
      expect(r.populations.length, r.name).toBeGreaterThan(0);
      expect(
        [r.phone, r.sms, r.web].some((v) => v.trim() !== ""),
        r.name,
      ).toBe(true);
    }
    expect(new Set(raw.resources.map((r) => r.key)).size).toBe(raw.resources.length);
    expect(() => parseSupportDefaults(raw)).not.toThrow();
  });

  it("covers each nation's urgent route and the groups peer supporters come from, where a service's page was found", () => {
    const nations = new Set(SUPPORT_DEFAULTS.resources.flatMap((r) => r.nations));
    for (const n of ["uk", "england", "scotland", "wales", "northern-ireland"]) expect(nations).toContain(n);
    const groups = new Set(SUPPORT_DEFAULTS.resources.flatMap((r) => r.populations));
    for (const g of [
      "everyone",
      "veterans",
      "sexual-violence",
      "domestic-abuse",
      "drugs-alcohol",
      "men",
      "lgbtq",
      "young-people",
      "migrants",
    ])
      expect(groups).toContain(g);
  });

  it("refuses an entry without a source, or with a malformed one, saying what is wrong", () => {
    expect(() => parseSupportDefaults(withEntry({}, ["source"]))).toThrow(
      /own page the details were taken from \(source\)/,
    );
    expect(() => parseSupportDefaults(withEntry({ source: "http://www.samaritans.org" }))).toThrow(
      /starting with https/,
    );
    expect(() => parseSupportDefaults(withEntry({}, ["checked"]))).toThrow(/checked/);
    expect(() => parseSupportDefaults(withEntry({ checked: "2026-02-30" }))).toThrow(/not a real date/);
    expect(() => parseSupportDefaults(withEntry({ nations: ["cornwall"] }))).toThrow(/A nation is one of/);
    expect(() => parseSupportDefaults(withEntry({ populations: [] }))).toThrow(/Say who it is for/);
    expect(() => parseSupportDefaults(withEntry({ phone: "", sms: "", web: "" }))).toThrow(
      /never shown a resource they cannot reach/,
    );
    expect(() => parseSupportDefaults(withEntry({ checked: "2099-01-01" }))).toThrow(/checked after the review date/);
    expect(() => parseSupportDefaults({ ...raw, reviewBy: undefined })).toThrow(/reviewBy/);
  });
});

describe("defaults added to the file later", () => {
  it("reach an existing organisation at start-up once, without listing twice what it has or giving back what it removed", () => {
    const { db } = database;
    const { org, admin } = makeOrganisation(db);
    const ctx = contextFor(db, admin.actor);
    // As before this file listed them: the organisation has the four first defaults, one under its old name.
    db.delete(supportDefaultsOffered).where(eq(supportDefaultsOffered.orgId, org.id)).run();
    const first = ["Samaritans", "Shout", "NHS 111, mental health option", "Your supervisor"];
    for (const r of listSupportResources(db, org.id).filter((r) => !first.includes(r.name)))
      db.delete(supportResources).where(eq(supportResources.id, r.id)).run();
    const nhs = listSupportResources(db, org.id).find((r) => r.name.startsWith("NHS 111"));
    db.update(supportResources)
      .set({ name: "NHS 111, option 2" })
      .where(eq(supportResources.id, nhs?.id ?? ""))
      .run();

    expect(offerNewSupportDefaults(db, new Date())).toBe(SUPPORT_DEFAULTS.resources.length - 3);
    const names = listSupportResources(db, org.id).map((r) => r.name);
    expect(names.slice(0, 4)).toEqual(["Samaritans", "Shout", "NHS 111, option 2", "Your supervisor"]);
    expect(names).toContain("Breathing Space");
    expect(names.filter((n) => n.startsWith("NHS 111"))).toHaveLength(1);
    expect(names).toHaveLength(new Set(names).size);

    const breathingSpace = listSupportResources(db, org.id).find((r) => r.name === "Breathing Space");
    expect(breathingSpace?.nations).toEqual(["scotland"]);
    deleteSupportResource(ctx, breathingSpace?.id ?? "");
    expect(offerNewSupportDefaults(db, new Date())).toBe(0);
    expect(listSupportResources(db, org.id).map((r) => r.name)).not.toContain("Breathing Space");
    const offered = db
      .select()
      .from(supportDefaultsOffered)
      .where(and(eq(supportDefaultsOffered.orgId, org.id), eq(supportDefaultsOffered.key, "breathing-space")))
      .all();
    expect(offered).toHaveLength(1);
  });

  it("the migration places the first defaults, and rewords NHS 111 only where the admins left it as it was", () => {
    const { db } = database;
    const { org } = makeOrganisation(db);
    const other = makeOrganisation(db, "Another Service").org;
    const old = {
      name: "NHS 111, option 2",
      purpose: "Urgent mental health help in England: call 111 and choose option 2 for your local crisis team.",
      phone: "111",
      web: "https://111.nhs.uk",
      nations: ["uk"],
    };
    const oldNhs = (orgId: string, purpose: string) => {
      for (const r of listSupportResources(db, orgId).filter((r) => r.name.startsWith("NHS 111")))
        db.update(supportResources)
          .set({ ...old, purpose })
          .where(eq(supportResources.id, r.id))
          .run();
    };
    oldNhs(org.id, old.purpose);
    oldNhs(other.id, "Our own words about 111.");
    const sql = fs.readFileSync(path.join(ROOT, "db/migrations/0025_support_defaults_checked.sql"), "utf8");
    for (const statement of sql.split("--> statement-breakpoint")) database.db.$client.exec(statement);

    const nhsOf = (orgId: string) => listSupportResources(db, orgId).find((r) => r.phone === "111");
    expect(nhsOf(org.id)).toMatchObject({
      name: "NHS 111, mental health option",
      nations: ["england"],
      source: "https://www.cntw.nhs.uk/need-help-now",
    });
    expect(nhsOf(other.id)).toMatchObject({
      name: "NHS 111, option 2",
      purpose: "Our own words about 111.",
      nations: ["england"],
    });
  });
});

describe("what the admins are told", () => {
  it("names the defaults still to complete until each has a way to reach it", () => {
    const { db } = database;
    const { org, admin } = makeOrganisation(db);
    const ctx = contextFor(db, admin.actor);
    expect(supportStillToComplete(ctx)).toEqual(["Your supervisor"]);
    const supervisor = listSupportResources(db, org.id).find((r) => r.name === "Your supervisor");
    if (!supervisor) throw new Error("the supervisor default is missing");
    updateSupportResource(ctx, supervisor.id, {
      ...supervisor,
      nations: ["uk"],
      populations: ["everyone"],
      phone: "0191 496 0000",
    });
    expect(supportStillToComplete(ctx)).toEqual([]);
  });

  it("says the defaults are due to be checked again from their review date, not before", () => {
    const { db } = database;
    const { admin } = makeOrganisation(db);
    const reviewBy = new Date(`${SUPPORT_DEFAULTS.reviewBy}T00:00:00Z`);
    const before = new Date(reviewBy.getTime() - 1000);
    expect(supportDefaultsReview(contextFor(db, admin.actor, before))).toEqual({
      reviewBy: SUPPORT_DEFAULTS.reviewBy,
      due: false,
    });
    expect(supportDefaultsReview(contextFor(db, admin.actor, reviewBy)).due).toBe(true);
  });
});
