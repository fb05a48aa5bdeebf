import type { DB } from "../../db/client";
import { contextFor } from "../auth/context";
import { setCollaborator } from "../workshop/collaborators";
import { createModule } from "../workshop/service";
import { p, text } from "./documents";
import { makeOrganisation } from "./fixtures";

/**
 * A module with Fran facilitating, Jo co-designing and Pri reviewing, and Sam, a co-designer of the
 * organisation who is not on it: the people review requests and comment emails are about.
 */
export function moduleWithPeople(db: DB, title = "Saying no kindly") {
  const org = makeOrganisation(db);
  const fran = org.member(["facilitator"], "Fran Mills");
  const jo = org.member(["co_designer"], "Jo Lee");
  const pri = org.member(["co_designer"], "Pri Shah");
  const sam = org.member(["co_designer"], "Sam Taylor");
  const { id: moduleId } = createModule(db, {
    orgId: org.org.id,
    createdBy: fran.user.id,
    title,
    topic: "boundaries",
    customTopic: "",
    summary: "",
    estimatedMinutes: 10,
    doc: { type: "doc", content: [p(text("A clear, kind no is often more caring than a yes you cannot keep."))] },
  });
  setCollaborator(contextFor(db, fran.actor), moduleId, jo.user.id, "co_designer");
  setCollaborator(contextFor(db, fran.actor), moduleId, pri.user.id, "reviewer");
  return { org, fran, jo, pri, sam, moduleId };
}
