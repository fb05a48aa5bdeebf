import { eq } from "drizzle-orm";
import * as Y from "yjs";
import type { Connection } from "../../db/client";
import {
  assignments,
  cohortFacilitators,
  cohortInvitees,
  cohortMoveRequests,
  cohorts,
  cohortVisits,
  commentMentions,
  commentReads,
  comments,
  commentThreads,
  courses,
  courseVersions,
  digestItems,
  digestsSent,
  images,
  invitations,
  loginLocks,
  moduleCollaborators,
  moduleSnapshots,
  moduleTemplates,
  notices,
  notificationChoices,
  panelSignoffs,
  partLocks,
  reflections,
  reminderPolicies,
  remindersSent,
  retentionAnnouncements,
  retentionPolicies,
  reviewRequestPeople,
  reviewRequests,
  selfCarePlans,
  selfPacedLearners,
  signoffs,
  storyReviews,
  supervisionPages,
  supervisionShareHistory,
  supervisionShares,
  supportChoices,
  users,
  workshopSessionAttendance,
  workshopSessionPeople,
  workshopSessions,
} from "../../db/schema";
import { recordEmailChange } from "../accounts/email-changes";
import { saveIntroduction } from "../accounts/introductions";
import { recordResetRequest } from "../accounts/password-resets";
import { startNewSession } from "../accounts/sessions";
import { recordFailure } from "../accounts/throttle";
import { recordAudit } from "../audit/service";
import { appendUpdate } from "../collaboration/store";
import { queueEmail } from "../email/outbox";
import { turnOff } from "../email/preferences";
import { newId } from "../shared/ids";
import { p, text } from "./documents";
import { publishedModule } from "./published-module";
import { cohortWithProgress } from "./xapi-cohort";

/** Words only the person wrote, to look for everywhere after their account is erased. */
export const PRIVATE_TEXTS = {
  journal: "The old panic came back on the bus home and I let it pass",
  introduction: "Twelve years free of gambling, one day at a time",
  bio: "I run the Thursday walk-and-talk group",
  moveReason: "My shifts changed to evenings in March",
  supervisionPoints: "I want to talk about saying no to the late calls",
  selfCarePlan: "When I stop sleeping I know the calls are getting to me",
  story: "The winter I slept in my car a peer brought soup every night",
};

export const PERSON_NAME = "Bea Brightwater";
/** The address she asked to move her account to: hers too, so erasure leaves it nowhere either. */
export const NEW_ADDRESS = "bea.evenings@example.net";
export const SESSION_DEVICE = "Mozilla/5.0 (Linux; Android 14) Bea's phone";

/**
 * Bea, a learner who finished the course in `cohortWithProgress`, given a row in every table that
 * can hold a person's data: she also co-designs, facilitates, comments, signs off and publishes.
 */
export function personEverywhere(db: Connection) {
  const world = cohortWithProgress(db);
  const { org, cohort, otherCohort, assignment, course, modules } = world;
  const bea = world.learners.bea;
  const email = db.select({ email: users.email }).from(users).where(eq(users.id, bea.user.id)).get()?.email ?? "";
  const now = new Date("2026-03-01T10:00:00Z");
  const orgId = org.org.id;
  const userId = bea.user.id;

  startNewSession(db, "test-secret", { userId, orgId, userAgent: SESSION_DEVICE }, now);
  saveIntroduction(db, userId, { pronouns: "she/her", livedExperience: PRIVATE_TEXTS.introduction }, now);
  recordFailure(db, email, "192.0.2.40", now);
  recordAudit(db, { actorUserId: null, action: "login.failed", detail: { email }, ip: "192.0.2.40" }, now);
  recordAudit(db, { actorUserId: userId, action: "login.succeeded", ip: "192.0.2.41" }, now);

  const invitationId = newId();
  db.insert(invitations)
    .values({
      id: invitationId,
      orgId,
      tokenHash: newId(),
      roles: ["learner"],
      maxUses: 1,
      expiresAt: new Date("2026-04-01T00:00:00Z"),
      cohortId: otherCohort.id,
      email: email.toLowerCase(),
      createdBy: world.sam.user.id,
      createdAt: now,
    })
    .run();
  db.insert(cohortInvitees)
    .values({ cohortId: otherCohort.id, invitationId, name: PERSON_NAME, email: email.toLowerCase(), addedAt: now })
    .run();
  db.insert(cohortFacilitators).values({ cohortId: otherCohort.id, userId, bio: PRIVATE_TEXTS.bio }).run();
  db.insert(cohortVisits).values({ cohortId: cohort.id, userId, visitedAt: now }).run();
  db.insert(selfPacedLearners).values({ assignmentId: assignment.id, userId, chosenAt: now }).run();
  db.insert(cohortMoveRequests)
    .values({
      id: newId(),
      orgId,
      userId,
      fromCohortId: cohort.id,
      toCohortId: otherCohort.id,
      reason: PRIVATE_TEXTS.moveReason,
      createdAt: now,
    })
    .run();

  // Her own module, published: modules, collaborators, facts, versions and their credits.
  const own = publishedModule(db, {
    orgId,
    by: userId,
    title: "Walking and talking",
    doc: { type: "doc", content: [p(text("Walk side by side."))] },
  });
  const update = new Y.Doc();
  update.getText("t").insert(0, "side by side");
  appendUpdate(db, own.moduleId, Y.encodeStateAsUpdate(update), userId, now);
  db.insert(moduleSnapshots)
    .values({
      id: newId(),
      moduleId: own.moduleId,
      name: "Before the walk",
      kind: "manual",
      revision: 1,
      doc: {},
      createdBy: userId,
      createdAt: now,
    })
    .run();
  db.insert(partLocks)
    .values({
      id: newId(),
      moduleId: own.moduleId,
      nodeId: "agreed-section",
      kind: "section",
      label: "Section: “Walking alongside”",
      reason: "Agreed at the first workshop",
      lockedBy: userId,
      lockedAt: now,
      unlockedBy: userId,
      unlockedAt: now,
    })
    .run();
  // She ran a workshop session on her module, and took part in it.
  const sessionId = newId();
  db.insert(workshopSessions)
    .values({
      id: sessionId,
      moduleId: own.moduleId,
      agenda: [{ kind: "part", title: "Welcome", start: "10:00", minutes: 30 }],
      sectionsAtStart: [],
      startedBy: userId,
      startedAt: now,
      endedBy: userId,
      endedAt: now,
      summary: { sectionsEdited: [], openComments: [], openSuggestions: 0 },
    })
    .run();
  db.insert(workshopSessionPeople).values({ sessionId, userId }).run();
  db.insert(workshopSessionAttendance).values({ sessionId, userId }).run();
  db.insert(signoffs)
    .values({ id: newId(), moduleId: modules.a.moduleId, userId, revision: 1, decision: "signed_off", createdAt: now })
    .run();
  db.insert(panelSignoffs)
    .values({
      id: newId(),
      moduleId: modules.a.moduleId,
      userId,
      kind: "panel",
      revision: 1,
      decision: "signed_off",
      answers: [{ id: "hope", question: "Does it leave room for hope?", answer: "yes", note: "" }],
      createdAt: now,
    })
    .run();
  // On someone else's module she chose a name to be credited by.
  db.insert(moduleCollaborators)
    .values({
      moduleId: modules.a.moduleId,
      userId,
      role: "co_designer",
      creditMode: "chosen",
      creditName: "Bee B.",
      addedBy: world.sam.user.id,
      addedAt: now,
    })
    .run();

  const threadId = newId();
  db.insert(commentThreads)
    .values({
      id: threadId,
      moduleId: modules.a.moduleId,
      quote: "Stay with the person",
      createdBy: userId,
      createdAt: now,
      resolvedBy: userId,
      resolvedAt: now,
    })
    .run();
  const commentId = newId();
  db.insert(comments)
    .values({ id: commentId, threadId, authorId: userId, body: "Could we say this more gently?", createdAt: now })
    .run();
  const replyId = newId();
  db.insert(comments)
    .values({ id: replyId, threadId, authorId: world.sam.user.id, body: "Yes, good idea.", createdAt: now })
    .run();
  db.insert(commentMentions).values({ commentId: replyId, userId }).run();
  db.insert(commentReads).values({ moduleId: modules.a.moduleId, userId, readAt: now }).run();

  const cohortId = newId();
  db.insert(cohorts)
    .values({ id: cohortId, orgId, name: "Evening group", startsOn: "2026-05-01", createdBy: userId, createdAt: now })
    .run();
  const ownCourseId = newId();
  db.insert(courses)
    .values({ id: ownCourseId, orgId, title: "Walking course", createdBy: userId, createdAt: now, updatedAt: now })
    .run();
  const ownCourseVersionId = newId();
  db.insert(courseVersions)
    .values({
      id: ownCourseVersionId,
      courseId: ownCourseId,
      orgId,
      version: 1,
      title: "Walking course",
      description: "",
      changelog: "First.",
      items: [{ moduleId: own.moduleId, moduleVersionId: own.versionId }],
      estimatedMinutes: 10,
      publishedBy: userId,
      publishedAt: now,
    })
    .run();
  db.insert(assignments)
    .values({
      id: newId(),
      cohortId,
      courseId: ownCourseId,
      courseVersionId: ownCourseVersionId,
      createdBy: userId,
      createdAt: now,
    })
    .run();

  const reflectionId = newId();
  const pageId = newId();
  db.insert(reflections)
    .values({
      id: reflectionId,
      userId,
      orgId,
      prompt: "What helps you rest?",
      body: PRIVATE_TEXTS.journal,
      createdAt: now,
      updatedAt: now,
    })
    .run();
  db.insert(notices)
    .values({ id: newId(), orgId, userId, kind: "assignment", title: "New training for you", createdAt: now })
    .run();
  db.insert(supervisionPages)
    .values({
      id: pageId,
      orgId,
      userId,
      title: "Before Thursday",
      points: PRIVATE_TEXTS.supervisionPoints,
      entryIds: [reflectionId],
      createdAt: now,
      updatedAt: now,
    })
    .run();
  const copy = {
    title: "Before Thursday",
    points: PRIVATE_TEXTS.supervisionPoints,
    entries: [{ prompt: "What helps you rest?", context: "", body: PRIVATE_TEXTS.journal }],
  };
  db.insert(supervisionShares)
    .values({ id: newId(), orgId, pageId, learnerId: userId, supervisorId: world.sam.user.id, copy, sharedAt: now })
    .run();
  db.insert(supervisionShareHistory)
    .values({
      id: newId(),
      orgId,
      userId,
      pageTitle: "Before Thursday",
      supervisorName: "Sam",
      action: "shared",
      at: now,
    })
    .run();
  // She also supervises: Ann shared a page with her, and Ann's own history names her.
  const ann = world.learners.ann.user.id;
  const annPageId = newId();
  db.insert(supervisionPages)
    .values({
      id: annPageId,
      orgId,
      userId: ann,
      title: "Ann's page",
      points: "Ann's points",
      entryIds: [],
      createdAt: now,
      updatedAt: now,
    })
    .run();
  db.insert(supervisionShares)
    .values({
      id: newId(),
      orgId,
      pageId: annPageId,
      learnerId: ann,
      supervisorId: userId,
      copy: { title: "Ann's page", points: "Ann's points", entries: [] },
      sharedAt: now,
    })
    .run();
  db.insert(supervisionShareHistory)
    .values({
      id: newId(),
      orgId,
      userId: ann,
      pageTitle: "Ann's page",
      supervisorName: PERSON_NAME,
      action: "shared",
      at: now,
    })
    .run();

  // Email: a notice queued to her, one she caused to someone else, a kind she turned off, a password
  // reset she asked for, a move to a new address waiting for its confirmation, and a lock on log-in.
  queueEmail(db, { orgId, kind: "retention_notice", to: email, params: { name: PERSON_NAME, orgName: "Org" } }, now);
  const sentInvitationId = newId();
  db.insert(invitations)
    .values({
      id: sentInvitationId,
      orgId,
      tokenHash: newId(),
      roles: ["learner"],
      maxUses: 1,
      expiresAt: new Date("2026-04-01T00:00:00Z"),
      email: "newcomer@example.org",
      createdBy: userId,
      createdAt: now,
    })
    .run();
  queueEmail(
    db,
    {
      orgId,
      kind: "invitation",
      to: "newcomer@example.org",
      ref: sentInvitationId,
      params: { token: "t", orgName: "Org", cohortName: "", inviterName: PERSON_NAME, roles: "Learner", expiresOn: "" },
    },
    now,
  );
  // A mention she made, told to a colleague at once, and the same in a colleague's daily digest.
  queueEmail(
    db,
    {
      orgId,
      kind: "mention",
      to: "colleague@example.org",
      ref: newId(),
      params: { name: "Colleague", who: PERSON_NAME, module: "Finding a place", path: "/workshop/x", excerpt: "Hi" },
    },
    now,
  );
  queueEmail(
    db,
    {
      orgId,
      kind: "digest",
      to: "colleague@example.org",
      params: {
        name: "Colleague",
        items: JSON.stringify([
          { text: `${PERSON_NAME} mentioned you on Finding a place`, label: "Open", path: "/workshop/x" },
        ]),
      },
    },
    now,
  );
  turnOff(db, email, "invitation", now);
  recordResetRequest(db, "test-secret", email, null, now);
  recordEmailChange(db, "test-secret", { id: userId }, NEW_ADDRESS, now);
  queueEmail(
    db,
    { orgId, kind: "email_change_confirmation", to: NEW_ADDRESS, params: { name: PERSON_NAME, token: "t" } },
    now,
  );
  queueEmail(
    db,
    { orgId, kind: "email_change_notice", to: email, params: { name: PERSON_NAME, newAddress: NEW_ADDRESS } },
    now,
  );
  db.insert(loginLocks).values({ email, lockedAt: now }).run();
  db.insert(moduleTemplates).values({ moduleId: own.moduleId, orgId, markedBy: userId, markedAt: now }).run();
  db.insert(images)
    .values({
      id: newId(),
      orgId,
      moduleId: own.moduleId,
      uploadedBy: userId,
      kind: "jpeg",
      width: 1600,
      height: 1200,
      fullKey: "full",
      phoneWidth: 640,
      phoneHeight: 480,
      phoneKey: "phone",
      createdAt: now,
    })
    .run();

  db.insert(retentionPolicies).values({ orgId, months: 24, updatedBy: userId, updatedAt: now }).run();
  db.insert(reminderPolicies).values({ orgId, daysBefore: 5, updatedBy: userId, updatedAt: now }).run();
  db.insert(remindersSent).values({ assignmentId: assignment.id, userId, kind: "before", sentAt: now }).run();
  db.insert(selfCarePlans)
    .values({
      id: newId(),
      orgId,
      userId,
      signs: PRIVATE_TEXTS.selfCarePlan,
      helps: "Walking",
      contacts: "Sam",
      boundaries: "Evenings are mine",
      createdAt: now,
      updatedAt: now,
    })
    .run();
  db.insert(supportChoices)
    .values({ userId, nation: "wales", populations: ["veterans"], updatedAt: now })
    .run();

  // Her story, told in a module the trainer wrote, and the review she was asked for.
  const told = publishedModule(db, {
    orgId,
    by: world.sam.user.id,
    title: "Finding a place",
    doc: {
      type: "doc",
      content: [
        {
          type: "story",
          attrs: {
            id: "bea-story",
            storyteller: userId,
            credit: "named",
            scope: "organisation",
            reviewOn: "2026-02-01",
          },
          content: [p(text(PRIVATE_TEXTS.story))],
        },
      ],
    },
  });
  db.insert(storyReviews)
    .values({
      orgId,
      moduleId: told.moduleId,
      storyId: "bea-story",
      reviewOn: "2026-02-01",
      storytellerId: userId,
      askedAt: now,
    })
    .run();
  db.insert(retentionAnnouncements)
    .values({ id: newId(), orgId, userId, announcedAt: now, removeOn: new Date("2026-03-31T10:00:00Z") })
    .run();
  // She asked for a review of her own module, was asked for one of another, and takes a daily digest.
  const requestId = newId();
  db.insert(reviewRequests)
    .values({ id: requestId, orgId, moduleId: own.moduleId, requestedBy: userId, dueOn: "2026-03-10", createdAt: now })
    .run();
  const askedId = newId();
  db.insert(reviewRequests)
    .values({
      id: askedId,
      orgId,
      moduleId: modules.a.moduleId,
      requestedBy: null,
      dueOn: "2026-03-12",
      createdAt: now,
    })
    .run();
  db.insert(reviewRequestPeople).values({ requestId: askedId, userId, answeredAt: now, answerNote: "Done." }).run();
  db.insert(notificationChoices).values({ userId, kind: "mention", choice: "digest", updatedAt: now }).run();
  db.insert(digestItems)
    .values({
      id: newId(),
      userId,
      orgId,
      kind: "mention",
      moduleId: modules.a.moduleId,
      commentId: replyId,
      createdAt: now,
    })
    .run();
  db.insert(digestsSent).values({ userId, day: "2026-03-01", sentAt: now }).run();

  return { world, bea, email, ownModule: own, commentId, threadId, courseId: course.id };
}
