import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { introduceMe, myIntroduction } from "../account/index";
import { contextFor, visitFor } from "../auth/context";
import { assign } from "../cohorts/assignments";
import { createCohortLink } from "../cohorts/invite";
import { createCohort, setCohortFacilitator } from "../cohorts/service";
import { myLearningPage } from "../learner-home/index";
import { createInvitation } from "../organisations/invitations";
import { testDatabase } from "../testing/database";
import { p, text } from "../testing/documents";
import { makeOrganisation } from "../testing/fixtures";
import { publishedModule } from "../testing/published-module";
import { acceptInvitation, invitationPage } from "./join";

const SECRET = "a-secret-for-joining-tests-that-is-long-enough";
const DOC = {
  type: "doc",
  content: [{ type: "heading", attrs: { level: 2 }, content: [text("One")] }, p(text("Hi."))],
};
let t: ReturnType<typeof testDatabase>;
beforeEach(() => {
  t = testDatabase();
});
afterEach(() => t.close());

/** A cohort with a module, two facilitators (one has introduced herself) and a link into it. */
function cohortWithLink() {
  const { db } = t;
  const org = makeOrganisation(db);
  const sam = org.member(["trainer"], "Sam Taylor");
  const fran = org.member(["facilitator"], "Fran Mills");
  const kit = org.member(["facilitator"], "Kit Jones");
  const trainer = contextFor(db, sam.actor);
  const cohort = createCohort(trainer, {
    name: "Spring group",
    description: "For new peer supporters.",
    startsOn: "2027-01-04",
    endsOn: "2027-03-29",
  });
  const { moduleId } = publishedModule(db, { orgId: org.org.id, by: fran.user.id, title: "Boundaries", doc: DOC });
  assign(trainer, cohort.id, { target: `module:${moduleId}`, dueOn: "2027-03-01" });
  setCohortFacilitator(trainer, cohort.id, fran.user.id, "Runs the Tuesday group.");
  setCohortFacilitator(trainer, cohort.id, kit.user.id, "");
  introduceMe(visitFor(db, fran.user.id), { pronouns: "she/her", livedExperience: "I survived domestic abuse." });
  const { token } = createCohortLink(trainer, cohort.id, { secret: SECRET });
  return { org, sam, fran, kit, cohort, token };
}

describe("joining with full knowledge", () => {
  it("shows the cohort, its training, dates and each facilitator in their own words before anyone joins", () => {
    const { token } = cohortWithLink();
    const page = invitationPage(visitFor(t.db, null), SECRET, token);
    if (!page.ok) throw new Error(page.message);
    expect(page.cohort).toMatchObject({
      name: "Spring group",
      description: "For new peer supporters.",
      startsOn: "2027-01-04",
      endsOn: "2027-03-29",
      courses: [{ title: "Boundaries", dueOn: "2027-03-01" }],
      facilitators: [
        {
          name: "Fran Mills",
          pronouns: "she/her",
          livedExperience: "I survived domestic abuse.",
          bio: "Runs the Tuesday group.",
        },
        // Kit wrote nothing: the page says only what she chose to, which is nothing.
        { name: "Kit Jones", pronouns: "", livedExperience: "", bio: "" },
      ],
    });
  });

  it("shows an invitation into the organisation alone with no cohort", () => {
    const { org } = cohortWithLink();
    const { token } = createInvitation(t.db, SECRET, org.admin.actor, {
      label: "",
      roles: ["learner"],
      expiresInDays: 7,
      maxUses: 1,
    });
    expect(invitationPage(visitFor(t.db, null), SECRET, token)).toMatchObject({ ok: true, cohort: null });
  });

  it("gives the learner's list the same cohort, dates and introductions once they have joined", () => {
    const { org, token, cohort } = cohortWithLink();
    const robin = org.member(["learner"], "Robin Learner");
    acceptInvitation(visitFor(t.db, robin.user.id), SECRET, token);
    const [course] = myLearningPage(contextFor(t.db, robin.actor)).courses;
    expect(course?.cohort).toMatchObject({
      id: cohort.id,
      name: "Spring group",
      startsOn: "2027-01-04",
      endsOn: "2027-03-29",
      facilitators: [
        { name: "Fran Mills", pronouns: "she/her", livedExperience: "I survived domestic abuse." },
        { name: "Kit Jones", pronouns: "", livedExperience: "" },
      ],
    });
  });

  it("keeps each person's introduction their own: writing one changes nobody else's", () => {
    const { fran, kit } = cohortWithLink();
    introduceMe(visitFor(t.db, kit.user.id), { pronouns: "they/them", livedExperience: "" });
    expect(myIntroduction(visitFor(t.db, fran.user.id))).toEqual({
      pronouns: "she/her",
      livedExperience: "I survived domestic abuse.",
    });
    expect(myIntroduction(visitFor(t.db, kit.user.id))).toEqual({ pronouns: "they/them", livedExperience: "" });
    expect(() => introduceMe(visitFor(t.db, null), { pronouns: "he/him", livedExperience: "" })).toThrow(
      "Log in to see your account.",
    );
  });
});
