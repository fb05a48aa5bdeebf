/**
 * Every way a row can point at another organisation's data, as SQL: each query lists the rows whose
 * own organisation differs from the organisation of what they reference. An empty result for all of
 * them is the promise "no organisation's rows reference another's". Plain SQL over a better-sqlite3
 * handle, so both the unit tests and the end-to-end tests (on the server's file) can run it.
 */
import type Database from "better-sqlite3";

export const CROSS_ORGANISATION_CHECKS: Record<string, string> = {
  "reflection of another organisation's module version": `
    select r.id from reflections r join module_versions mv on mv.id = r.module_version_id
    where mv.org_id <> r.org_id`,
  "progress on another organisation's module version": `
    select pe.id from progress_events pe join enrolments e on e.id = pe.enrolment_id
    join module_versions mv on mv.id = pe.module_version_id where mv.org_id <> e.org_id`,
  "module progress on another organisation's module": `
    select mp.enrolment_id from module_progress mp join enrolments e on e.id = mp.enrolment_id
    join modules m on m.id = mp.module_id where m.org_id <> e.org_id`,
  "course completion of another organisation's course version": `
    select cc.enrolment_id from course_completions cc join enrolments e on e.id = cc.enrolment_id
    join course_versions cv on cv.id = cc.course_version_id where cv.org_id <> e.org_id`,
  "enrolment on another organisation's course": `
    select e.id from enrolments e join courses c on c.id = e.course_id where c.org_id <> e.org_id`,
  "enrolment on another course's version": `
    select e.id from enrolments e join course_versions cv on cv.id = e.course_version_id
    where cv.course_id <> e.course_id`,
  "course version of another organisation's course": `
    select cv.id from course_versions cv join courses c on c.id = cv.course_id where c.org_id <> cv.org_id`,
  "course item of another organisation's module": `
    select ci.course_id from course_items ci join courses c on c.id = ci.course_id
    join module_versions mv on mv.id = ci.module_version_id
    where mv.org_id <> c.org_id or mv.module_id <> ci.module_id`,
  "assignment of another organisation's course": `
    select a.id from assignments a join cohorts co on co.id = a.cohort_id join courses c on c.id = a.course_id
    where c.org_id <> co.org_id`,
};

export function crossOrganisationReferences(db: Database.Database): string[] {
  const found: string[] = [];
  for (const [what, query] of Object.entries(CROSS_ORGANISATION_CHECKS)) {
    const rows = db.prepare(query).all();
    if (rows.length > 0) found.push(`${rows.length} × ${what}`);
  }
  return found;
}
