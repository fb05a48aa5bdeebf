import { type SQL, sql } from "drizzle-orm";
import type { DB } from "../../db/client";

/** One progress event that yields at least one statement, with what the statement names. */
export type EventRow = {
  eventId: number;
  kind: "viewed" | "skipped" | "answered" | "module_completed" | "course_completed";
  checkId: string | null;
  correct: number | null;
  answer: string | null;
  at: number;
  enrolmentId: string;
  userId: string;
  orgId: string;
  courseId: string;
  courseTitle: string;
  moduleId: string | null;
  moduleVersionId: string | null;
  moduleTitle: string | null;
  /** The learner's first event in this module (any version of it): the "experienced" statement. */
  firstInModule: number;
  /** An answer to a check in a section with a content note, i.e. a section the learner may skip. */
  inSkippableSection: number;
};

/**
 * Whether an earlier event of the same enrolment touched the same module. It looks events up by
 * (enrolment, module version) for each version of the module, on the progress events index.
 */
const FIRST_IN_MODULE = sql`(pe.kind in ('viewed', 'skipped', 'answered') and not exists (
  select 1 from progress_events earlier
  where earlier.enrolment_id = pe.enrolment_id
    and earlier.module_version_id in (select other.id from module_versions other where other.module_id = mv.module_id)
    and earlier.id < pe.id))`;

/**
 * Answers in sections a learner may skip are never exported: with completion known, a missing
 * answer would otherwise show that the section was skipped.
 */
const IN_SKIPPABLE_SECTION = sql`(pe.kind = 'answered' and exists (
  select 1 from json_each(mv.sections) s
  where json_array_length(s.value, '$.contentNotes') > 0
    and exists (select 1 from json_each(s.value, '$.checks') c where c.value = pe.check_id)))`;

/**
 * The events behind the statements, in one query: `source` names progress_events `pe` and
 * enrolments `e` (joined however suits the scope), `where` narrows them. Section views and skips
 * come back only as a module's first event; nothing about which section it was is selected.
 */
export function eventsQuery(source: SQL, where: SQL): SQL {
  return sql`
    select * from (
      select pe.id as eventId, pe.kind as kind, pe.check_id as checkId, pe.correct as correct,
             pe.answer as answer, pe.at as at,
             e.id as enrolmentId, e.user_id as userId, e.org_id as orgId, e.course_id as courseId,
             cv.title as courseTitle,
             mv.module_id as moduleId, mv.id as moduleVersionId, mv.title as moduleTitle,
             ${FIRST_IN_MODULE} as firstInModule,
             ${IN_SKIPPABLE_SECTION} as inSkippableSection
      ${source}
      join course_versions cv on cv.id = e.course_version_id
      left join module_versions mv on mv.id = pe.module_version_id
      where ${where}
    )
    where kind in ('module_completed', 'course_completed') or firstInModule = 1
       or (kind = 'answered' and inSkippableSection = 0)
    order by eventId
  `;
}

/** A cohort's current members' events in one course. */
export function cohortEventsQuery(orgId: string, cohortId: string, courseId: string) {
  return eventsQuery(
    sql`from cohort_members cm
        join enrolments e on e.user_id = cm.user_id and e.course_id = ${courseId}
        join progress_events pe on pe.enrolment_id = e.id`,
    sql`cm.cohort_id = ${cohortId} and cm.removed_at is null and e.org_id = ${orgId}`,
  );
}

/** Every organisation's events with ids in (after, upTo]: what the LRS outbox queues next. */
export function eventsBetweenQuery(after: number, upTo: number) {
  return eventsQuery(
    sql`from progress_events pe join enrolments e on e.id = pe.enrolment_id`,
    sql`pe.id > ${after} and pe.id <= ${upTo}`,
  );
}

export const cohortEventRows = (db: DB, orgId: string, cohortId: string, courseId: string) =>
  db.all<EventRow>(cohortEventsQuery(orgId, cohortId, courseId));

export const eventRowsBetween = (db: DB, after: number, upTo: number) =>
  db.all<EventRow>(eventsBetweenQuery(after, upTo));
