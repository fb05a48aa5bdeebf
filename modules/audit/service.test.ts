import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { contextFor } from "../auth/context";
import { createCohort } from "../cohorts/service";
import { removeMember, setMemberRoles } from "../organisations/members";
import { listMembers } from "../organisations/service";
import { downloadMemberData } from "../privacy/for-members";
import { testDatabase } from "../testing/database";
import { makeOrganisation } from "../testing/fixtures";
import { activityLog } from "./activity-log";
import { AUDIT_ACTIONS, describeAudit, recordAudit } from "./service";

let database: ReturnType<typeof testDatabase>;
beforeEach(() => {
  database = testDatabase();
});
afterEach(() => database.close());

describe("describeAudit", () => {
  it("says every recorded action in plain words, never its stored name", () => {
    // The compiler keeps every recorded action in AUDIT_ACTIONS.
    for (const action of AUDIT_ACTIONS) {
      const description = describeAudit(action, null, null);
      expect(description, action).toMatch(/^[A-Z][a-z]/);
      expect(description, action).not.toMatch(/[._]|xapi/);
      expect(description, action).not.toContain(action.split(".").at(-1)?.replace(/_/g, " "));
    }
  });

  it("reads an action it does not know as a sentence", () => {
    expect(describeAudit("cohort.thing_happened", null, null)).toBe("Cohort thing happened");
  });
});

describe("activityLog", () => {
  it("names roles as people read them, and says what was downloaded from which cohort", () => {
    const { db } = database;
    const org = makeOrganisation(db);
    const sam = org.member(["trainer"], "Sam Taylor");
    const ann = org.member(["learner"], "Ann Jones");
    const membership = listMembers(db, org.org.id).find((m) => m.userId === ann.user.id);
    if (!membership) throw new Error("membership missing");
    setMemberRoles(contextFor(db, org.admin.actor), membership.membershipId, ["co_designer", "learner"]);
    const cohort = createCohort(contextFor(db, sam.actor), {
      name: "Spring group",
      description: "",
      startsOn: "2027-01-04",
      endsOn: null,
    });
    for (const action of ["cohort.progress_exported", "cohort.xapi_exported"] as const) {
      recordAudit(db, {
        orgId: org.org.id,
        actorUserId: sam.user.id,
        action,
        targetType: "cohort",
        targetId: cohort.id,
      });
    }
    recordAudit(db, {
      orgId: org.org.id,
      actorUserId: ann.user.id,
      action: "membership.joined",
      targetType: "invitation",
      targetId: "an-invitation",
      detail: { roles: ["co_designer"] },
    });

    const described = activityLog(contextFor(db, org.admin.actor)).map((e) => [e.actorName, e.description]);
    expect(described.slice(0, 5)).toEqual([
      ["Ann Jones", "Joined through an invitation as a co-designer"],
      ["Sam Taylor", "Downloaded the xAPI statements of Spring group"],
      ["Sam Taylor", "Downloaded the progress of Spring group (CSV)"],
      ["Sam Taylor", "Created the cohort Spring group"],
      ["Admin Person", "Changed the roles of Ann Jones to Co-designer and Learner"],
    ]);
  });
});

describe("activityLog, for a member's request about their data", () => {
  it("links an export made for a member to their page, where it is carried out, while they are a member", () => {
    const { db } = database;
    const org = makeOrganisation(db);
    const ann = org.member(["learner"], "Ann Jones");
    const admin = contextFor(db, org.admin.actor);
    downloadMemberData(admin, ann.actor.membershipId, { reason: "Asked by letter" });
    const [entry] = activityLog(admin);
    expect(entry?.description).toMatch(/^Downloaded the personal data of Ann Jones/);
    expect(entry?.requestsPath).toBe(`/organisation/members/${ann.actor.membershipId}#data-requests`);
    expect(activityLog(admin).filter((e) => e.requestsPath !== null)).toHaveLength(1);

    removeMember(admin, ann.actor.membershipId);
    expect(activityLog(admin).filter((e) => e.requestsPath !== null)).toEqual([]);
  });
});

describe("activityLog, across organisations", () => {
  it("never names another organisation's cohort, module or course, whatever an event points at", () => {
    const { db } = database;
    const north = makeOrganisation(db, "North");
    const south = makeOrganisation(db, "South");
    const southTrainer = south.member(["trainer"], "South Trainer");
    const theirs = createCohort(contextFor(db, southTrainer.actor), {
      name: "South's private group",
      description: "",
      startsOn: "2027-01-04",
      endsOn: null,
    });
    recordAudit(db, {
      orgId: north.org.id,
      actorUserId: north.admin.user.id,
      action: "cohort.progress_exported",
      targetType: "cohort",
      targetId: theirs.id,
    });

    const described = activityLog(contextFor(db, north.admin.actor)).map((e) => e.description);
    expect(described[0]).toBe("Downloaded the progress of a cohort (CSV)");
    expect(described.join(" ")).not.toContain("South's private group");
  });
});
