/**
 * Run by e2e/support/database.ts with `node --import tsx`. Builds, in the server's database, what a
 * cross-organisation probe needs and people could make through the pages only slowly: two learners of
 * the demo organisation enrolled on its open course, and a second organisation with its own published
 * course, learner, enrolment, journal entry and cohort. Prints the ids as JSON.
 */
import { openDatabase } from "../../../db/client";
import { findUserByEmail, hashPassword, insertUser } from "../../../modules/accounts/service";
import { contextFor } from "../../../modules/auth/context";
import { createCohort } from "../../../modules/cohorts/service";
import { addCourseModule, coursesOf, createCourse, publishCourse } from "../../../modules/courses/service";
import { learnerPlace } from "../../../modules/learning/place";
import { enrolSelf } from "../../../modules/learning/service";
import { reflect } from "../../../modules/learning/steps";
import { actorFor, addMembership, createOrganisation, organisationsOf } from "../../../modules/organisations/service";
import { doc, option, p, part, text } from "../../../modules/testing/documents";
import { publishedModule } from "../../../modules/testing/published-module";

const DEMO_COURSE = "Peer support essentials";

type Options = { databasePath: string; adminEmail: string; password: string; tag: string };
const options = JSON.parse(process.argv[2] ?? "{}") as Options;
const db = openDatabase(options.databasePath, { migrate: false });

const heading = (title: string) => ({ type: "heading", attrs: { level: 2 }, content: [text(title)] });
const OTHER_MODULE = doc(
  heading("Their welcome"),
  p(text("Another organisation's words.")),
  { type: "reflectionPrompt", attrs: { id: "other-prompt" }, content: [text("Another organisation's question?")] },
  heading("Their check"),
  {
    type: "knowledgeCheck",
    attrs: { id: "other-check", multiple: false },
    content: [
      part("checkQuestion", text("Their question?")),
      option("other-right", true, "Right", [text("Yes.")]),
      option("other-wrong", false, "Wrong", [text("No.")]),
    ],
  },
  heading("Their sensitive section"),
  { type: "contentNote", attrs: { topics: ["suicide"], customTopic: "" }, content: [text("About suicide.")] },
  p(text("Sensitive words.")),
);

// Everyone here shares one password, so it is hashed once (hashing is deliberately slow).
const passwordHash = await hashPassword(options.password);

function person(orgId: string, name: string, roles: ("learner" | "facilitator" | "trainer")[]) {
  const now = new Date();
  const email = `${name.toLowerCase().replace(/\W+/g, ".")}.${options.tag}@example.org`;
  const user = insertUser(db, { name, email }, passwordHash, now);
  addMembership(db, orgId, user.id, roles, now);
  const actor = actorFor(db, orgId, user.id);
  if (!actor) throw new Error(`no actor for ${email}`);
  return { email, actor };
}

try {
  const admin = findUserByEmail(db, options.adminEmail);
  const demo = admin ? organisationsOf(db, admin.id).find((o) => o.roles.includes("admin")) : undefined;
  if (!demo) throw new Error(`${options.adminEmail} is not an admin of any organisation`);
  // The demo's own open course, by name: other tests publish open courses of their own meanwhile.
  const openCourse = coursesOf(db, demo.id).find((c) => c.title === DEMO_COURSE && c.status === "published");
  if (!openCourse) throw new Error(`the demo organisation has no published course "${DEMO_COURSE}"`);
  const learner = person(demo.id, `Probe Learner ${options.tag}`, ["learner"]);
  const neighbour = person(demo.id, `Probe Neighbour ${options.tag}`, ["learner"]);
  const own = enrolSelf(contextFor(db, learner.actor), openCourse.id);
  const neighbours = enrolSelf(contextFor(db, neighbour.actor), openCourse.id);

  const founder = insertUser(
    db,
    { name: "Other Founder", email: `other.founder.${options.tag}@example.org` },
    passwordHash,
    new Date(),
  );
  const other = createOrganisation(db, `Other Service ${options.tag}`, founder.id, new Date());
  const facilitator = person(other.id, `Other Facilitator ${options.tag}`, ["facilitator"]);
  const trainer = person(other.id, `Other Trainer ${options.tag}`, ["trainer"]);
  const otherLearner = person(other.id, `Other Learner ${options.tag}`, ["learner"]);
  const module = publishedModule(db, {
    orgId: other.id,
    by: facilitator.actor.userId,
    title: `Their module ${options.tag}`,
    doc: OTHER_MODULE,
  });
  const course = createCourse(contextFor(db, trainer.actor), {
    title: `Their course ${options.tag}`,
    description: "",
    openToAll: true,
  });
  addCourseModule(contextFor(db, trainer.actor), course.id, module.moduleId);
  publishCourse(contextFor(db, trainer.actor), course.id, "First version.");
  const theirs = enrolSelf(contextFor(db, otherLearner.actor), course.id);
  const ctx = contextFor(db, otherLearner.actor);
  const first = learnerPlace(ctx, { enrolmentId: theirs.id, moduleVersionId: module.versionId, section: 1 });
  const { id: entryId } = reflect(ctx, first, { promptId: "other-prompt", body: "Their private words." });
  const cohort = createCohort(contextFor(db, trainer.actor), {
    name: `Their cohort ${options.tag}`,
    description: "",
    startsOn: "2027-01-04",
    endsOn: null,
  });

  process.stdout.write(
    JSON.stringify({
      learner: { email: learner.email, enrolmentId: own.id, courseId: openCourse.id },
      neighbour: { enrolmentId: neighbours.id },
      other: {
        orgId: other.id,
        courseId: course.id,
        enrolmentId: theirs.id,
        moduleVersionId: module.versionId,
        promptId: "other-prompt",
        checkId: "other-check",
        optionId: "other-right",
        journalEntryId: entryId,
        cohortId: cohort.id,
      },
    }),
  );
} finally {
  db.$client.close();
}
