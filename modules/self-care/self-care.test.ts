import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { contextFor } from "../auth/context";
import type { Actor } from "../auth/policy";
import { actorFor, addMembership } from "../organisations/service";
import { testDatabase } from "../testing/database";
import { makeOrganisation } from "../testing/fixtures";
import { mySelfCarePlan, PLAN_PART_MAX, saveSelfCarePlan, selfCarePlanSchema } from "./index";
import { eraseSelfCarePlan, selfCarePlanRows } from "./personal-data";

let database: ReturnType<typeof testDatabase>;
beforeEach(() => {
  database = testDatabase();
});
afterEach(() => database.close());

const PLAN = {
  signs: "I stop answering my sister",
  helps: "A long walk by the canal",
  contacts: "Jo, my supervisor",
  boundaries: "No calls after nine",
};

function world() {
  const db = database.db;
  const north = makeOrganisation(db, "North");
  const south = makeOrganisation(db, "South");
  const learner = north.member(["learner"], "Alex");
  // The same person learns with a second organisation too.
  addMembership(db, south.org.id, learner.user.id, ["learner"], new Date());
  const learnerInSouth = { actor: actorFor(db, south.org.id, learner.user.id) as Actor };
  const otherLearner = north.member(["learner"], "Bo");
  const trainer = north.member(["trainer"], "Sam");
  return { db, north, south, learner, learnerInSouth, otherLearner, trainer };
}

describe("a learner's self-care plan", () => {
  it("is one plan per learner per organisation: saving again updates it", () => {
    const w = world();
    const ctx = contextFor(w.db, w.learner.actor);
    expect(mySelfCarePlan(ctx)).toBeNull();
    saveSelfCarePlan(ctx, PLAN);
    saveSelfCarePlan(ctx, { ...PLAN, helps: "Swimming on Sunday" });
    expect(mySelfCarePlan(ctx)).toMatchObject({ ...PLAN, helps: "Swimming on Sunday" });
    expect(selfCarePlanRows(w.db, w.learner.user.id)).toHaveLength(1);
    saveSelfCarePlan(contextFor(w.db, w.learnerInSouth.actor), {
      ...PLAN,
      signs: "Another organisation, another plan",
    });
    expect(mySelfCarePlan(ctx)?.signs).toBe(PLAN.signs);
    expect(selfCarePlanRows(w.db, w.learner.user.id)).toHaveLength(2);
  });

  it("is the learner's own: another learner, another organisation and a trainer get nothing of it", () => {
    const w = world();
    saveSelfCarePlan(contextFor(w.db, w.learner.actor), PLAN);
    expect(mySelfCarePlan(contextFor(w.db, w.otherLearner.actor))).toBeNull();
    expect(mySelfCarePlan(contextFor(w.db, w.learnerInSouth.actor))).toBeNull();
    expect(() => mySelfCarePlan(contextFor(w.db, w.trainer.actor))).toThrow();
    expect(() => mySelfCarePlan(contextFor(w.db, w.north.admin.actor))).toThrow();
    expect(() => saveSelfCarePlan(contextFor(w.db, w.trainer.actor), PLAN)).toThrow();
  });

  it("is forgotten when every part is left blank", () => {
    const w = world();
    const ctx = contextFor(w.db, w.learner.actor);
    saveSelfCarePlan(ctx, PLAN);
    expect(saveSelfCarePlan(ctx, { signs: "", helps: "", contacts: "", boundaries: "" })).toEqual({ kept: false });
    expect(mySelfCarePlan(ctx)).toBeNull();
  });

  it("refuses a part that is too long, naming the part", () => {
    const parsed = selfCarePlanSchema.safeParse({ ...PLAN, contacts: "x".repeat(PLAN_PART_MAX + 1) });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(/Keep "Who I can contact" to 2,000 characters/);
    expect(selfCarePlanSchema.parse({})).toEqual({ signs: "", helps: "", contacts: "", boundaries: "" });
  });

  it("is erased in one organisation or everywhere", () => {
    const w = world();
    saveSelfCarePlan(contextFor(w.db, w.learner.actor), PLAN);
    saveSelfCarePlan(contextFor(w.db, w.learnerInSouth.actor), PLAN);
    eraseSelfCarePlan(w.db, w.learner.user.id, w.south.org.id);
    expect(mySelfCarePlan(contextFor(w.db, w.learnerInSouth.actor))).toBeNull();
    expect(mySelfCarePlan(contextFor(w.db, w.learner.actor))).not.toBeNull();
    eraseSelfCarePlan(w.db, w.learner.user.id);
    expect(selfCarePlanRows(w.db, w.learner.user.id)).toEqual([]);
  });
});
