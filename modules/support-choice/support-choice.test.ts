import { strFromU8, unzipSync } from "fflate";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { auditEvents, supportChoices } from "../../db/schema";
import { contextFor, visitFor } from "../auth/context";
import { addSupportResource, member, members } from "../organisations/index";
import { downloadMemberData, downloadMyData } from "../privacy/index";
import { testDatabase } from "../testing/database";
import { makeOrganisation } from "../testing/fixtures";
import { supportChoiceSchema } from "./schemas";
import {
  forgetMySupportChoice,
  mySupportChoice,
  setMySupportChoice,
  supportInTrainingForMe,
  supportNowForMe,
} from "./service";

let database: ReturnType<typeof testDatabase>;
beforeEach(() => {
  database = testDatabase();
});
afterEach(() => database.close());

function world() {
  const { db } = database;
  const made = makeOrganisation(db);
  const learner = made.member(["learner"], "Lorna Learner");
  const trainer = made.member(["trainer"], "Tariq Trainer");
  const admin = contextFor(db, made.admin.actor);
  addSupportResource(admin, {
    name: "Forces peer line",
    purpose: "Veterans who support veterans.",
    phone: "0191 496 0001",
    sms: "",
    web: "",
    hours: "",
    nations: ["uk"],
    populations: ["veterans"],
    source: "",
  });
  return { ...made, learner, trainer, admin, me: contextFor(db, learner.actor) };
}

describe("a person's support choice", () => {
  it("is kept for them, ranks their Support now and signposts, and can be forgotten", () => {
    const { me } = world();
    expect(mySupportChoice(me)).toBeNull();
    const before = supportNowForMe(me).resources.map((r) => r.name);
    expect(before[0]).toBe("Samaritans");

    setMySupportChoice(me, { nation: "scotland", populations: ["veterans"] });
    expect(mySupportChoice(me)).toEqual({ nation: "scotland", populations: ["veterans"] });
    const now = supportNowForMe(me);
    // Scotland's services for everyone and the UK services for veterans, then the UK-wide ones for everyone;
    // Scotland's service for another group comes later with the rest.
    expect(now.resources.slice(0, 6).map((r) => [r.name, r.forYou])).toEqual([
      ["Breathing Space", true],
      ["Combat Stress helpline", true],
      ["NHS 24, 111", true],
      ["Forces peer line", true],
      ["Samaritans", false],
      ["Shout", false],
    ]);
    expect(now.resources.map((r) => r.name).indexOf("Rape Crisis Scotland Helpline")).toBeGreaterThan(5);
    expect(supportInTrainingForMe(me).map((r) => r.name)).toEqual(now.resources.map((r) => r.name));
    expect(now.resources).toHaveLength(before.length);

    forgetMySupportChoice(me);
    expect(mySupportChoice(me)).toBeNull();
    expect(supportNowForMe(me).resources.map((r) => r.name)).toEqual(before);
  });

  it("with nothing answered keeps nothing", () => {
    const { me } = world();
    setMySupportChoice(me, { nation: "wales", populations: [] });
    setMySupportChoice(me, { nation: null, populations: [] });
    expect(database.db.select().from(supportChoices).all()).toEqual([]);
  });

  it("accepts only the places and groups listed, and leaves both unanswered when skipped", () => {
    expect(supportChoiceSchema.parse({ nation: "", populations: undefined })).toEqual({
      nation: null,
      populations: [],
    });
    expect(supportChoiceSchema.parse({ nation: "wales", populations: "men" })).toEqual({
      nation: "wales",
      populations: ["men"],
    });
    expect(supportChoiceSchema.safeParse({ nation: "atlantis", populations: [] }).error?.issues[0]?.message).toBe(
      "Choose one of the places listed, or rather not say.",
    );
    expect(supportChoiceSchema.safeParse({ nation: "", populations: ["everyone"] }).success).toBe(false);
  });

  it("is one person's only: another's Support now is not ranked by it", () => {
    const { me, trainer } = world();
    setMySupportChoice(me, { nation: "scotland", populations: ["veterans"] });
    const theirs = supportNowForMe(contextFor(database.db, trainer.actor));
    expect(theirs.choice).toBeNull();
    expect(theirs.resources[0]?.name).toBe("Samaritans");
  });

  it("never reaches a trainer's or admin's reads, the admin's copy of the member's data, or the log", () => {
    const { me, admin, learner, trainer } = world();
    setMySupportChoice(me, { nation: "northern-ireland", populations: ["lgbtq", "veterans"] });
    expect(JSON.stringify([members(admin), member(admin, learner.actor.membershipId)])).not.toMatch(
      /northern-ireland|lgbtq|veterans/,
    );
    const copy = unzipSync(downloadMemberData(admin, learner.actor.membershipId, { reason: "Asked in person" }).bytes);
    const copyText = Object.values(copy)
      .map((bytes) => strFromU8(bytes))
      .join("\n");
    expect(copyText).not.toContain('support_choices":');
    expect(copyText).not.toMatch(/northern-ireland|lgbtq/);
    expect(JSON.stringify(database.db.select().from(auditEvents).all())).not.toMatch(
      /northern-ireland|lgbtq|support_choice/,
    );
    expect(supportNowForMe(contextFor(database.db, trainer.actor)).choice).toBeNull();

    const own = unzipSync(downloadMyData(visitFor(database.db, learner.user.id), { ip: null }).bytes);
    const data = JSON.parse(strFromU8(own["data.json"] ?? new Uint8Array()));
    expect(data.tables.support_choices.rows).toEqual([
      expect.objectContaining({ nation: "northern-ireland", populations: ["lgbtq", "veterans"] }),
    ]);
  });
});
