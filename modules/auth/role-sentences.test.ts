import { describe, expect, it } from "vitest";
import { roleNames, rolesInSentence, rolesWithArticles } from "./role-sentences";

describe("role sentences", () => {
  it("gives each role its article after “as”", () => {
    expect(rolesWithArticles(["learner"])).toBe("a learner");
    expect(rolesWithArticles(["co_designer"])).toBe("a co-designer");
    expect(rolesWithArticles(["admin", "trainer"])).toBe("an organisation admin and a trainer");
    expect(rolesWithArticles(["facilitator", "co_designer", "learner"])).toBe(
      "a facilitator, a co-designer and a learner",
    );
  });

  it("names roles by their labels, never their stored names", () => {
    expect(roleNames(["co_designer", "learner"])).toBe("Co-designer and Learner");
    expect(roleNames([])).toBe("no roles");
    expect(rolesInSentence(["admin", "co_designer"])).toBe("organisation admin and co-designer");
  });

  it("names the supervisor role like the others", () => {
    expect(rolesWithArticles(["learner", "supervisor"])).toBe("a learner and a supervisor");
    expect(roleNames(["supervisor"])).toBe("Supervisor");
  });

  it("names the panel and safeguarding roles so they read well after “as”", () => {
    expect(rolesWithArticles(["lived_experience_panel"])).toBe("a member of the lived-experience panel");
    expect(rolesWithArticles(["safeguarding_reviewer"])).toBe("a safeguarding reviewer");
    expect(roleNames(["lived_experience_panel", "safeguarding_reviewer"])).toBe(
      "Lived-experience panel and Safeguarding reviewer",
    );
  });
});
