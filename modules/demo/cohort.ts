import { addDays } from "date-fns";
import type { DB } from "../../db/client";
import { insertUser } from "../accounts/service";
import { contextFor } from "../auth/context";
import type { Actor } from "../auth/policy";
import { assign } from "../cohorts/assignments";
import { createCohort, joinCohort, setCohortFacilitator } from "../cohorts/service";
import { learnerPlace } from "../learning/place";
import { checksInSection, sectionCount } from "../learning/section";
import { enrol, ownEnrolment } from "../learning/service";
import { answerCheck, recordStep } from "../learning/steps";
import { actorFor, addMembership } from "../organisations/service";
import { todayInLondon } from "../shared/dates";

/**
 * Learners of the demo cohort, with how far each has gone (sections read of the course's first
 * module, and whether they answered its checks). Not listed as demo accounts: the demo learner,
 * Alex Morgan, is left outside the cohort so the open-to-everyone course can be tried from scratch.
 */
const COHORT_LEARNERS = [
  { name: "Bea Okafor", sections: "all", startedDaysAgo: 12, finishedDaysAgo: 9 },
  { name: "Chris Doyle", sections: "all", startedDaysAgo: 11, finishedDaysAgo: 6 },
  { name: "Dana Novak", sections: "all", startedDaysAgo: 8, finishedDaysAgo: 2 },
  { name: "Eli Price", sections: 2, startedDaysAgo: 5, finishedDaysAgo: null },
  { name: "Farah Begum", sections: 1, startedDaysAgo: 3, finishedDaysAgo: null },
  { name: "Gabe Ross", sections: 0, startedDaysAgo: null, finishedDaysAgo: null },
  { name: "Hana Sato", sections: 0, startedDaysAgo: null, finishedDaysAgo: null },
] as const;

const daysAgo = (now: Date, days: number) => addDays(now, -days);

/**
 * A cohort for the trainer to follow: two facilitators with short bios, seven learners at different
 * points of "Peer support essentials", due three weeks from now. Progress is recorded through the
 * same services the player uses, so the dashboard and exports show real derived completion.
 */
export function seedDemoCohort(
  db: DB,
  input: { orgId: string; trainer: Actor; facilitatorId: string; courseId: string; passwordHash: string },
  now: Date,
) {
  const { orgId, trainer, facilitatorId, courseId, passwordHash } = input;
  const begun = daysAgo(now, 14);
  const ctx = contextFor(db, trainer, begun);
  const cohort = createCohort(ctx, {
    name: "Winter peer supporters",
    description: "New peer supporters starting this winter. We meet on Thursday evenings.",
    startsOn: todayInLondon(begun),
    endsOn: null,
  });
  setCohortFacilitator(
    ctx,
    cohort.id,
    facilitatorId,
    "Peer supporter for eight years, in recovery herself. Runs the boundaries and self-care sessions.",
  );
  setCohortFacilitator(ctx, cohort.id, trainer.userId, "Trainer and former helpline volunteer.");

  const people = COHORT_LEARNERS.map((learner, i) => {
    const email = `learner${i + 2}@example.org`;
    const user = insertUser(db, { name: learner.name, email }, passwordHash, begun);
    addMembership(db, orgId, user.id, ["learner"], begun);
    joinCohort(db, orgId, cohort.id, user.id, begun);
    return { ...learner, userId: user.id };
  });
  assign(ctx, cohort.id, { target: `course:${courseId}`, dueOn: todayInLondon(addDays(now, 21)) });

  for (const person of people) {
    if (person.startedDaysAgo === null) continue;
    const actor = actorFor(db, orgId, person.userId);
    if (!actor) continue;
    // Already enrolled by the assignment: this only finds the enrolment.
    const { id } = enrol(db, { orgId, userId: person.userId, courseId, source: "assignment" }, begun);
    const { version } = ownEnrolment(db, actor, id);
    const first = version.items[0];
    if (!first) continue;
    const count = sectionCount(db, first.moduleVersionId);
    const reading = person.sections === "all" ? count : Math.min(person.sections, count);
    const finishedAt = person.finishedDaysAgo === null ? null : daysAgo(now, person.finishedDaysAgo);
    for (let section = 1; section <= reading; section += 1) {
      // Read on the day they started; the last section, and so completion, on the day they finished.
      const at = finishedAt && section === reading ? finishedAt : daysAgo(now, person.startedDaysAgo);
      const ctx = contextFor(db, actor, at);
      const place = learnerPlace(ctx, { enrolmentId: id, moduleVersionId: first.moduleVersionId, section });
      if (person.sections === "all") {
        for (const check of checksInSection(db, first.moduleVersionId, section)) {
          const correct = check.options.filter((o) => o.correct).map((o) => o.id);
          answerCheck(ctx, place, { checkId: check.id, chosen: correct });
        }
      }
      recordStep(ctx, place, "viewed");
    }
  }
  return cohort;
}
