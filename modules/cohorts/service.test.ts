import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { auditEvents, cohortMembers, enrolments, membershipRoles, memberships } from "../../db/schema";
import { contextFor } from "../auth/context";
import type { DocJSON } from "../documents/json";
import { InvalidError, NotFoundError } from "../shared/errors";
import { testDatabase } from "../testing/database";
import { p, text } from "../testing/documents";
import { makeOrganisation } from "../testing/fixtures";
import { publishedModule } from "../testing/published-module";
import { assign } from "./assignments";
import { type CohortDetails, cohortDetailsSchema, facilitatorSchema, memberSchema } from "./schemas";
import {
  addCohortMember,
  cohortCount,
  cohortFacilitatorsOf,
  cohortMemberList,
  cohortsOf,
  createCohort,
  facilitatorCandidates,
  getCohort,
  joinCohort,
  lastVisit,
  markCohortSeen,
  memberCandidates,
  removeCohortFacilitator,
  removeCohortMember,
  setCohortArchived,
  setCohortFacilitator,
  updateCohort,
} from "./service";

let database: ReturnType<typeof testDatabase>;
beforeEach(() => {
  database = testDatabase();
});
afterEach(() => database.close());

const DOC: DocJSON = {
  type: "doc",
  content: [{ type: "heading", attrs: { level: 2 }, content: [text("Only section")] }, p(text("Rest is work too."))],
};

const details = (overrides: Partial<CohortDetails> = {}): CohortDetails => ({
  name: "Spring group",
  description: "",
  startsOn: "2027-01-04",
  endsOn: null,
  ...overrides,
});

/** An organisation with a trainer, a facilitator and a published module a cohort can be given. */
function organisation(name = "Test Peer Service") {
  const { db } = database;
  const org = makeOrganisation(db, name);
  const sam = org.member(["trainer"], "Sam Taylor");
  const fran = org.member(["facilitator"], "Fran Mills");
  const publish = (title: string) =>
    publishedModule(db, { orgId: org.org.id, by: fran.user.id, title, doc: DOC, estimatedMinutes: 5 }).moduleId;
  return { ...org, sam, fran, publish };
}

describe("cohort details", () => {
  const parse = (input: Record<string, unknown>) => cohortDetailsSchema.safeParse(input);
  /** Field and message pairs, first message per field, as the form shows them beside each field. */
  const problems = (input: Record<string, unknown>) => {
    const result = parse(input);
    if (result.success) throw new Error("expected the details to be refused");
    const shown = new Map<string, string>();
    for (const issue of result.error.issues) {
      const field = String(issue.path[0]);
      if (!shown.has(field)) shown.set(field, issue.message);
    }
    return [...shown];
  };

  it("accepts a cohort with no end date, trimming what was typed", () => {
    const result = parse({ name: "  Spring group ", startsOn: " 2027-01-04 ", endsOn: "" });
    expect(result.success && result.data).toEqual({
      name: "Spring group",
      description: "",
      startsOn: "2027-01-04",
      endsOn: null,
    });
  });

  it("accepts a cohort that ends on the day it starts", () => {
    expect(parse({ name: "One day", startsOn: "2027-01-04", endsOn: "2027-01-04" }).success).toBe(true);
  });

  it("refuses an end date before the start date, on the end date field", () => {
    expect(problems({ name: "Spring group", startsOn: "2027-01-04", endsOn: "2027-01-03" })).toEqual([
      ["endsOn", "The end date is before the start date."],
    ]);
  });

  it("asks for a name and a start date", () => {
    expect(problems({ name: "   ", startsOn: "" })).toEqual([
      ["name", "Enter a name."],
      ["startsOn", "Enter the start date."],
    ]);
    expect(problems({})).toEqual([
      ["name", "Enter a name."],
      ["startsOn", "Enter the start date."],
    ]);
  });

  it("refuses dates that are not real calendar dates", () => {
    expect(problems({ name: "Spring group", startsOn: "2027-02-30" })).toEqual([
      ["startsOn", "Enter a real date, like 2027-03-01."],
    ]);
    expect(problems({ name: "Spring group", startsOn: "2027-01-04", endsOn: "30/06/2027" })).toEqual([
      ["endsOn", "Enter a real date, like 2027-06-30, or leave it empty."],
    ]);
  });

  it("limits the name and the description", () => {
    expect(problems({ name: "N".repeat(121), description: "D".repeat(1001), startsOn: "2027-01-04" })).toEqual([
      ["name", "Use at most 120 characters."],
      ["description", "Use at most 1000 characters."],
    ]);
    expect(parse({ name: "N".repeat(120), description: "D".repeat(1000), startsOn: "2027-01-04" }).success).toBe(true);
  });

  it("refuses a facilitator or member that is not a person's id, and a bio over 300 characters", () => {
    const id = "A".repeat(22);
    expect(facilitatorSchema.safeParse({ userId: id, bio: "Lived experience of recovery." }).success).toBe(true);
    expect(facilitatorSchema.safeParse({ userId: id, bio: "B".repeat(301) }).error?.issues[0]?.message).toBe(
      "Use at most 300 characters.",
    );
    expect(memberSchema.safeParse({ userId: "'; drop table users; --" }).error?.issues[0]?.message).toBe(
      "Choose a person.",
    );
    expect(memberSchema.safeParse({}).error?.issues[0]?.message).toBe("Choose a person.");
  });
});

describe("createCohort and getCohort", () => {
  it("stores the details in the actor's organisation and records who created it", () => {
    const { db } = database;
    const org = organisation();
    const now = new Date("2026-12-01T09:00:00Z");
    const created = createCohort(
      contextFor(db, org.sam.actor, now),
      details({ description: "Tuesdays", endsOn: "2027-03-29" }),
    );

    expect(getCohort(contextFor(db, org.sam.actor), created.id)).toMatchObject({
      id: created.id,
      orgId: org.org.id,
      name: "Spring group",
      description: "Tuesdays",
      startsOn: "2027-01-04",
      endsOn: "2027-03-29",
      archivedAt: null,
      createdBy: org.sam.user.id,
      createdAt: now,
    });
    const audit = db.select().from(auditEvents).where(eq(auditEvents.targetId, created.id)).all();
    expect(audit.map((a) => [a.action, a.actorUserId])).toEqual([["cohort.created", org.sam.user.id]]);
  });

  it("does not find a cohort of another organisation", () => {
    const { db } = database;
    const ours = organisation();
    const theirs = organisation("Another Service");
    const cohort = createCohort(contextFor(db, theirs.sam.actor), details());

    expect(() => getCohort(contextFor(db, ours.sam.actor), cohort.id)).toThrow(NotFoundError);
    expect(() => getCohort(contextFor(db, ours.sam.actor), cohort.id)).toThrow("That cohort could not be found.");
    expect(() => getCohort(contextFor(db, ours.sam.actor), "x".repeat(22))).toThrow(NotFoundError);
    expect(getCohort(contextFor(db, theirs.sam.actor), cohort.id).id).toBe(cohort.id);
  });

  it("changes details and archives only in the actor's organisation", () => {
    const { db } = database;
    const ours = organisation();
    const theirs = organisation("Another Service");
    const cohort = createCohort(contextFor(db, theirs.sam.actor), details());

    expect(() => updateCohort(contextFor(db, ours.sam.actor), cohort.id, details({ name: "Taken over" }))).toThrow(
      NotFoundError,
    );
    expect(() => setCohortArchived(contextFor(db, ours.sam.actor), cohort.id, true)).toThrow(NotFoundError);
    expect(getCohort(contextFor(db, theirs.sam.actor), cohort.id)).toMatchObject({
      name: "Spring group",
      archivedAt: null,
    });

    updateCohort(contextFor(db, theirs.sam.actor), cohort.id, details({ name: "Renamed", endsOn: "2027-02-01" }));
    expect(getCohort(contextFor(db, theirs.sam.actor), cohort.id)).toMatchObject({
      name: "Renamed",
      endsOn: "2027-02-01",
    });
  });

  it("counts the organisation's cohorts, archived ones included", () => {
    const { db } = database;
    const ours = organisation();
    const theirs = organisation("Another Service");
    const first = createCohort(contextFor(db, ours.sam.actor), details());
    createCohort(contextFor(db, ours.sam.actor), details({ name: "Autumn group" }));
    createCohort(contextFor(db, theirs.sam.actor), details());
    setCohortArchived(contextFor(db, ours.sam.actor), first.id, true);
    expect(cohortCount(db, ours.org.id)).toBe(2);
    expect(cohortCount(db, theirs.org.id)).toBe(1);
  });
});

describe("listCohorts", () => {
  /**
   * Four cohorts with different numbers of learners and assignments, so a count taken from the
   * wrong cohort (or the wrong table) cannot come out right by chance.
   */
  function fourCohorts() {
    const { db } = database;
    const org = organisation();
    const moduleIds = ["Boundaries", "Self-care", "Supervision"].map((t) => org.publish(t));
    const make = (name: string, startsOn: string) =>
      createCohort(contextFor(db, org.sam.actor), details({ name, startsOn }));
    const spring = make("Spring group", "2027-03-01");
    const winter = make("Winter group", "2027-01-04");
    const empty = make("Empty group", "2027-06-01");
    const old = make("Old group", "2026-01-05");
    const learners = (cohortId: string, names: string[]) =>
      names.map((name) => {
        const person = org.member(["learner"], name);
        joinCohort(db, org.org.id, cohortId, person.user.id);
        return person;
      });
    const give = (cohortId: string, count: number) => {
      for (const moduleId of moduleIds.slice(0, count)) {
        assign(contextFor(db, org.sam.actor), cohortId, { target: `module:${moduleId}`, dueOn: null });
      }
    };
    const springLearners = learners(spring.id, ["Ann", "Ben", "Cat", "Dee"]);
    learners(winter.id, ["Eve"]);
    learners(old.id, ["Gus", "Hal"]);
    give(spring.id, 1);
    give(winter.id, 3);
    give(empty.id, 2);
    give(old.id, 1);
    setCohortArchived(contextFor(db, org.sam.actor, new Date("2026-06-01T12:00:00Z")), old.id, true);
    return { org, spring, winter, empty, old, springLearners };
  }

  it("gives each active cohort its own learner and assignment counts, in date order", () => {
    const { db } = database;
    const { org } = fourCohorts();
    const listed = cohortsOf(db, org.org.id).map((c) => [c.name, c.learners, c.assignments]);
    expect(listed).toEqual([
      ["Winter group", 1, 3],
      ["Spring group", 4, 1],
      ["Empty group", 0, 2],
    ]);
  });

  it("does not count learners removed from the cohort, and counts them again when they rejoin", () => {
    const { db } = database;
    const { org, spring, springLearners } = fourCohorts();
    const [ann, ben] = springLearners;
    if (!ann || !ben) throw new Error("learners missing");
    removeCohortMember(contextFor(db, org.sam.actor), spring.id, ann.user.id);
    removeCohortMember(contextFor(db, org.sam.actor), spring.id, ben.user.id);
    const learnersIn = () => cohortsOf(db, org.org.id).find((c) => c.id === spring.id)?.learners;
    expect(learnersIn()).toBe(2);

    joinCohort(db, org.org.id, spring.id, ann.user.id);
    expect(learnersIn()).toBe(3);
  });

  it("lists archived cohorts separately, with their counts", () => {
    const { db } = database;
    const { org, old } = fourCohorts();
    const archived = cohortsOf(db, org.org.id, true);
    expect(archived.map((c) => [c.id, c.learners, c.assignments])).toEqual([[old.id, 2, 1]]);
    expect(archived[0]?.archivedAt).toEqual(new Date("2026-06-01T12:00:00Z"));
    expect(cohortsOf(db, org.org.id).map((c) => c.id)).not.toContain(old.id);

    setCohortArchived(contextFor(db, org.sam.actor), old.id, false);
    expect(cohortsOf(db, org.org.id, true)).toEqual([]);
    expect(cohortsOf(db, org.org.id).map((c) => c.name)).toContain("Old group");
  });

  it("lists only the organisation's own cohorts", () => {
    const { db } = database;
    fourCohorts();
    const theirs = organisation("Another Service");
    createCohort(contextFor(db, theirs.sam.actor), details({ name: "Their group" }));
    expect(cohortsOf(db, theirs.org.id).map((c) => [c.name, c.learners, c.assignments])).toEqual([
      ["Their group", 0, 0],
    ]);
  });

  it("orders cohorts that start on the same day by name", () => {
    const { db } = database;
    const org = organisation();
    for (const name of ["Cedar", "Alder", "Birch"]) createCohort(contextFor(db, org.sam.actor), details({ name }));
    expect(cohortsOf(db, org.org.id).map((c) => c.name)).toEqual(["Alder", "Birch", "Cedar"]);
  });
});

describe("cohort members", () => {
  it("adds a member of the organisation as a learner and lists them by name", () => {
    const { db } = database;
    const org = organisation();
    const cohort = createCohort(contextFor(db, org.sam.actor), details());
    const zoe = org.member(["co_designer"], "Zoe Park");
    const ann = org.member(["learner"], "Ann Jones");
    const now = new Date("2027-01-02T10:00:00Z");

    addCohortMember(contextFor(db, org.sam.actor, now), cohort.id, zoe.user.id);
    addCohortMember(contextFor(db, org.sam.actor, now), cohort.id, ann.user.id);

    expect(cohortMemberList(db, org.org.id, cohort.id)).toEqual([
      { userId: ann.user.id, name: "Ann Jones", email: ann.user.email, addedAt: now },
      { userId: zoe.user.id, name: "Zoe Park", email: zoe.user.email, addedAt: now },
    ]);
    // Joining a cohort makes a person a learner of the organisation, keeping the roles they had.
    const roles = db
      .select({ role: membershipRoles.role })
      .from(membershipRoles)
      .innerJoin(memberships, eq(memberships.id, membershipRoles.membershipId))
      .where(and(eq(memberships.orgId, org.org.id), eq(memberships.userId, zoe.user.id)))
      .all()
      .map((r) => r.role)
      .sort();
    expect(roles).toEqual(["co_designer", "learner"]);
  });

  it("adds someone twice without listing them twice", () => {
    const { db } = database;
    const org = organisation();
    const cohort = createCohort(contextFor(db, org.sam.actor), details());
    const ann = org.member(["learner"], "Ann Jones");
    addCohortMember(contextFor(db, org.sam.actor), cohort.id, ann.user.id);
    addCohortMember(contextFor(db, org.sam.actor), cohort.id, ann.user.id);
    expect(cohortMemberList(db, org.org.id, cohort.id).map((m) => m.name)).toEqual(["Ann Jones"]);
  });

  it("refuses a person who is not in the organisation, and a cohort of another organisation", () => {
    const { db } = database;
    const ours = organisation();
    const theirs = organisation("Another Service");
    const ourCohort = createCohort(contextFor(db, ours.sam.actor), details());
    const theirCohort = createCohort(contextFor(db, theirs.sam.actor), details());
    const outsider = theirs.member(["learner"], "Olly Out");
    const ann = ours.member(["learner"], "Ann Jones");

    const refusal = (() => {
      try {
        addCohortMember(contextFor(db, ours.sam.actor), ourCohort.id, outsider.user.id);
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(InvalidError);
    expect(refusal).toMatchObject({ message: "Choose a member of your organisation.", field: "userId" });
    expect(() => addCohortMember(contextFor(db, ours.sam.actor), theirCohort.id, ann.user.id)).toThrow(NotFoundError);

    expect(cohortMemberList(db, ours.org.id, ourCohort.id)).toEqual([]);
    expect(cohortMemberList(db, theirs.org.id, theirCohort.id)).toEqual([]);
    // The refused person was not quietly made a member of our organisation either.
    const joined = db
      .select()
      .from(memberships)
      .where(and(eq(memberships.orgId, ours.org.id), eq(memberships.userId, outsider.user.id)))
      .all();
    expect(joined).toEqual([]);
  });

  it("removes a learner from the list but keeps their enrolment", () => {
    const { db } = database;
    const org = organisation();
    const moduleId = org.publish("Boundaries");
    const cohort = createCohort(contextFor(db, org.sam.actor), details());
    assign(contextFor(db, org.sam.actor), cohort.id, { target: `module:${moduleId}`, dueOn: null });
    const ann = org.member(["learner"], "Ann Jones");
    const ben = org.member(["learner"], "Ben Ode");
    addCohortMember(contextFor(db, org.sam.actor), cohort.id, ann.user.id);
    addCohortMember(contextFor(db, org.sam.actor), cohort.id, ben.user.id);
    const removedAt = new Date("2027-02-01T10:00:00Z");

    removeCohortMember(contextFor(db, org.sam.actor, removedAt), cohort.id, ann.user.id);

    expect(cohortMemberList(db, org.org.id, cohort.id).map((m) => m.name)).toEqual(["Ben Ode"]);
    const row = db
      .select()
      .from(cohortMembers)
      .where(and(eq(cohortMembers.cohortId, cohort.id), eq(cohortMembers.userId, ann.user.id)))
      .get();
    expect(row?.removedAt).toEqual(removedAt);
    expect(db.select().from(enrolments).where(eq(enrolments.userId, ann.user.id)).all()).toHaveLength(1);
  });

  it("says a learner could not be found when they are not (or no longer) in the cohort", () => {
    const { db } = database;
    const org = organisation();
    const cohort = createCohort(contextFor(db, org.sam.actor), details());
    const ann = org.member(["learner"], "Ann Jones");
    expect(() => removeCohortMember(contextFor(db, org.sam.actor), cohort.id, ann.user.id)).toThrow(
      "That learner could not be found.",
    );
    addCohortMember(contextFor(db, org.sam.actor), cohort.id, ann.user.id);
    removeCohortMember(contextFor(db, org.sam.actor), cohort.id, ann.user.id);
    expect(() => removeCohortMember(contextFor(db, org.sam.actor), cohort.id, ann.user.id)).toThrow(NotFoundError);
  });

  it("does not let another organisation remove a learner", () => {
    const { db } = database;
    const ours = organisation();
    const theirs = organisation("Another Service");
    const cohort = createCohort(contextFor(db, ours.sam.actor), details());
    const ann = ours.member(["learner"], "Ann Jones");
    addCohortMember(contextFor(db, ours.sam.actor), cohort.id, ann.user.id);
    expect(() => removeCohortMember(contextFor(db, theirs.sam.actor), cohort.id, ann.user.id)).toThrow(NotFoundError);
    expect(cohortMemberList(db, ours.org.id, cohort.id).map((m) => m.name)).toEqual(["Ann Jones"]);
  });

  it("offers members not in the cohort as candidates, learners first, then by name", () => {
    const { db } = database;
    const org = organisation();
    const cohort = createCohort(contextFor(db, org.sam.actor), details());
    const zed = org.member(["learner"], "Zed Young");
    const ann = org.member(["learner"], "Ann Jones");
    const bea = org.member(["co_designer"], "Bea Cole");
    organisation("Another Service").member(["learner"], "Aaron Elsewhere");
    addCohortMember(contextFor(db, org.sam.actor), cohort.id, ann.user.id);

    const candidates = memberCandidates(db, org.org.id, cohort.id);
    expect(candidates.map((c) => [c.name, Boolean(c.isLearner)])).toEqual([
      ["Zed Young", true],
      ["Admin Person", false],
      ["Bea Cole", false],
      ["Fran Mills", false],
      ["Sam Taylor", false],
    ]);
    expect(candidates.map((c) => c.userId)).not.toContain(ann.user.id);
    expect(candidates.find((c) => c.name === "Zed Young")?.userId).toBe(zed.user.id);
    expect(candidates.find((c) => c.name === "Bea Cole")?.userId).toBe(bea.user.id);

    // Someone removed from the cohort can be added again.
    removeCohortMember(contextFor(db, org.sam.actor), cohort.id, ann.user.id);
    expect(memberCandidates(db, org.org.id, cohort.id).map((c) => c.name)).toContain("Ann Jones");
  });
});

describe("cohort facilitators", () => {
  it("shows each facilitator with their bio, by name, and updates a bio in place", () => {
    const { db } = database;
    const org = organisation();
    const cohort = createCohort(contextFor(db, org.sam.actor), details());

    setCohortFacilitator(contextFor(db, org.sam.actor), cohort.id, org.sam.user.id, "Ten years in recovery.");
    setCohortFacilitator(contextFor(db, org.sam.actor), cohort.id, org.fran.user.id, "");
    expect(cohortFacilitatorsOf(db, org.org.id, cohort.id)).toEqual([
      { userId: org.fran.user.id, name: "Fran Mills", bio: "" },
      { userId: org.sam.user.id, name: "Sam Taylor", bio: "Ten years in recovery." },
    ]);

    setCohortFacilitator(contextFor(db, org.sam.actor), cohort.id, org.fran.user.id, "Peer supporter since 2019.");
    expect(cohortFacilitatorsOf(db, org.org.id, cohort.id)).toEqual([
      { userId: org.fran.user.id, name: "Fran Mills", bio: "Peer supporter since 2019." },
      { userId: org.sam.user.id, name: "Sam Taylor", bio: "Ten years in recovery." },
    ]);

    removeCohortFacilitator(contextFor(db, org.sam.actor), cohort.id, org.sam.user.id);
    expect(cohortFacilitatorsOf(db, org.org.id, cohort.id).map((f) => f.name)).toEqual(["Fran Mills"]);
  });

  it("keeps facilitators to their own cohort", () => {
    const { db } = database;
    const org = organisation();
    const spring = createCohort(contextFor(db, org.sam.actor), details());
    const autumn = createCohort(contextFor(db, org.sam.actor), details({ name: "Autumn group" }));
    setCohortFacilitator(contextFor(db, org.sam.actor), spring.id, org.fran.user.id, "Spring bio.");
    expect(cohortFacilitatorsOf(db, org.org.id, autumn.id)).toEqual([]);
  });

  it("refuses a facilitator from outside the organisation, and another organisation's cohort", () => {
    const { db } = database;
    const ours = organisation();
    const theirs = organisation("Another Service");
    const ourCohort = createCohort(contextFor(db, ours.sam.actor), details());
    const theirCohort = createCohort(contextFor(db, theirs.sam.actor), details());

    expect(() => setCohortFacilitator(contextFor(db, ours.sam.actor), ourCohort.id, theirs.fran.user.id, "")).toThrow(
      "Choose a member of your organisation.",
    );
    expect(() => setCohortFacilitator(contextFor(db, ours.sam.actor), theirCohort.id, ours.fran.user.id, "")).toThrow(
      NotFoundError,
    );
    setCohortFacilitator(contextFor(db, theirs.sam.actor), theirCohort.id, theirs.fran.user.id, "Theirs.");
    expect(() => removeCohortFacilitator(contextFor(db, ours.sam.actor), theirCohort.id, theirs.fran.user.id)).toThrow(
      NotFoundError,
    );
    expect(cohortFacilitatorsOf(db, ours.org.id, ourCohort.id)).toEqual([]);
    expect(cohortFacilitatorsOf(db, theirs.org.id, theirCohort.id).map((f) => f.bio)).toEqual(["Theirs."]);
  });

  it("offers the organisation's trainers and facilitators once each", () => {
    const { db } = database;
    const org = organisation();
    org.member(["trainer", "facilitator"], "Tess Both");
    org.member(["learner"], "Ann Jones");
    organisation("Another Service");
    expect(facilitatorCandidates(db, org.org.id).map((c) => c.name)).toEqual(["Fran Mills", "Sam Taylor", "Tess Both"]);
  });
});

describe("the trainer's last visit", () => {
  it("is unknown until the cohort is marked as seen, then follows the latest visit", () => {
    const { db } = database;
    const org = organisation();
    const cohort = createCohort(contextFor(db, org.sam.actor), details());
    expect(lastVisit(db, org.org.id, cohort.id, org.sam.user.id)).toBeNull();

    markCohortSeen(contextFor(db, org.sam.actor, new Date("2027-01-10T09:00:00Z")), cohort.id);
    markCohortSeen(contextFor(db, org.sam.actor, new Date("2027-01-12T09:00:00Z")), cohort.id);
    expect(lastVisit(db, org.org.id, cohort.id, org.sam.user.id)).toEqual(new Date("2027-01-12T09:00:00Z"));
    // Each trainer has their own.
    expect(lastVisit(db, org.org.id, cohort.id, org.fran.user.id)).toBeNull();
  });

  it("cannot be marked on another organisation's cohort", () => {
    const { db } = database;
    const ours = organisation();
    const theirs = organisation("Another Service");
    const cohort = createCohort(contextFor(db, theirs.sam.actor), details());
    expect(() => markCohortSeen(contextFor(db, ours.sam.actor), cohort.id)).toThrow(NotFoundError);
    expect(lastVisit(db, theirs.org.id, cohort.id, ours.sam.user.id)).toBeNull();
  });
});
