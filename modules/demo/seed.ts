import { addDays } from "date-fns";
import type { DB } from "../../db/client";
import { hashPassword, insertUser } from "../accounts/service";
import { contextFor } from "../auth/context";
import type { Actor } from "../auth/policy";
import type { Role } from "../auth/roles";
import { loadDocumentJSON } from "../collaboration/store";
import { importStarterPack } from "../content/starter";
import { addCourseModule, createCourse, publishCourse } from "../courses/service";
import { actorFor, addMembership, createOrganisation, getOrganisationBySlug } from "../organisations/service";
import { createModuleVersion } from "../publishing/service";
import { getModule } from "../workshop/service";
import { seedDemoCohort } from "./cohort";

export const DEMO_ORG_SLUG = "northern-peer-support";
export const DEMO_PASSWORD = "peer-support-demo";

/** One account per role, all in the demo organisation. Listed in the README too. */
export const DEMO_ACCOUNTS: { role: string; name: string; email: string; roles: Role[] }[] = [
  { role: "admin", name: "Ayesha Khan", email: "admin@example.org", roles: ["admin"] },
  { role: "facilitator", name: "Fran Mills", email: "facilitator@example.org", roles: ["facilitator"] },
  { role: "co-designer", name: "Jordan Lee", email: "codesigner@example.org", roles: ["co_designer"] },
  { role: "co-designer", name: "Priya Shah", email: "codesigner2@example.org", roles: ["co_designer"] },
  { role: "trainer", name: "Sam Taylor", email: "trainer@example.org", roles: ["trainer"] },
  { role: "learner", name: "Alex Morgan", email: "learner@example.org", roles: ["learner"] },
  { role: "supervisor", name: "Dee Walsh", email: "supervisor@example.org", roles: ["supervisor"] },
  { role: "panel", name: "Ola Banjo", email: "panel@example.org", roles: ["lived_experience_panel"] },
  { role: "safeguarding", name: "Rhian Evans", email: "safeguarding@example.org", roles: ["safeguarding_reviewer"] },
];

/**
 * So learners have something to take straight away: the first starter module published as version 1
 * and a course, open to everyone, that contains it. (In real use the module's co-authors sign it off
 * first; the demo skips that step for content that ships with Alongside.)
 */
function publishDemoCourse(
  db: DB,
  moduleId: string | undefined,
  trainer: Actor | null,
  facilitatorId: string,
  now: Date,
) {
  const module = moduleId ? getModule(db, moduleId) : undefined;
  if (!module || !trainer) return;
  createModuleVersion(
    db,
    { module, doc: loadDocumentJSON(db, module.id), changelog: "First version.", publishedBy: facilitatorId },
    now,
  );
  const ctx = contextFor(db, trainer, now);
  const course = createCourse(ctx, {
    title: "Peer support essentials",
    description: "Where peer support starts and stops, and how to keep yourself well while you do it.",
    openToAll: true,
  });
  addCourseModule(ctx, course.id, module.id);
  publishCourse(ctx, course.id, "First version.");
  return course.id;
}

/**
 * Seeds the demo organisation once. Idempotent: when the demo organisation already exists it does
 * nothing and returns null, so restarts never duplicate or overwrite anything.
 */
export async function seedDemo(db: DB, now = new Date()) {
  if (getOrganisationBySlug(db, DEMO_ORG_SLUG)) return null;
  // Every demo account shares one password, so one (slow, memory-hard) hash serves them all.
  const hash = await hashPassword(DEMO_PASSWORD);
  // The demo organisation was set up three weeks ago, so its cohort has some history to show.
  const setUp = addDays(now, -21);
  db.transaction((tx) => {
    const [first, ...rest] = DEMO_ACCOUNTS.map((a) => ({ ...a, id: insertUser(tx, a, hash, setUp).id }));
    if (!first) return;
    const org = createOrganisation(tx, "Northern Peer Support Network", first.id, setUp, DEMO_ORG_SLUG);
    for (const account of rest) addMembership(tx, org.id, account.id, account.roles, setUp);
    const facilitator = rest.find((account) => account.roles.includes("facilitator"));
    const trainer = rest.find((account) => account.roles.includes("trainer"));
    if (!facilitator || !trainer) return;
    const starters = importStarterPack(tx, { orgId: org.id, createdBy: facilitator.id }, setUp);
    const trainerActor = actorFor(tx, org.id, trainer.id);
    const courseId = publishDemoCourse(tx, starters[0]?.id, trainerActor, facilitator.id, setUp);
    if (!courseId || !trainerActor) return;
    seedDemoCohort(
      tx,
      { orgId: org.id, trainer: trainerActor, facilitatorId: facilitator.id, courseId, passwordHash: hash },
      now,
    );
  });
  return { password: DEMO_PASSWORD, accounts: DEMO_ACCOUNTS };
}
