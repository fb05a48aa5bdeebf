ALTER TABLE `reflections` ADD `enrolment_id` text REFERENCES enrolments(id) ON DELETE set null;--> statement-breakpoint
-- Entries written before reflections were kept per course: the enrolment they were written in is the
-- learner's own one whose course version holds the module version, the one whose title the entry
-- carries first.
UPDATE `reflections` SET `enrolment_id` = (
  SELECT e.id FROM enrolments e JOIN course_versions cv ON cv.id = e.course_version_id
  WHERE e.user_id = reflections.user_id AND e.org_id = reflections.org_id
    AND EXISTS (SELECT 1 FROM json_each(cv.items) WHERE json_extract(value, '$.moduleVersionId') = reflections.module_version_id)
  ORDER BY (cv.title = reflections.context) DESC, e.created_at
  LIMIT 1
) WHERE `module_version_id` IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `reflections_place_idx` ON `reflections` (`enrolment_id`,`module_version_id`,`prompt_id`);--> statement-breakpoint
-- No row may point at another organisation's data, whatever code writes it (ADR 0003).
CREATE TRIGGER reflections_same_organisation BEFORE INSERT ON reflections
WHEN (NEW.module_version_id IS NOT NULL AND (SELECT org_id FROM module_versions WHERE id = NEW.module_version_id) IS NOT NEW.org_id)
  OR (NEW.enrolment_id IS NOT NULL AND (SELECT org_id FROM enrolments WHERE id = NEW.enrolment_id AND user_id = NEW.user_id) IS NOT NEW.org_id)
BEGIN SELECT RAISE(ABORT, 'cross-organisation reference: reflection'); END;--> statement-breakpoint
CREATE TRIGGER reflections_same_organisation_update BEFORE UPDATE OF org_id, user_id, enrolment_id, module_version_id ON reflections
WHEN (NEW.module_version_id IS NOT NULL AND (SELECT org_id FROM module_versions WHERE id = NEW.module_version_id) IS NOT NEW.org_id)
  OR (NEW.enrolment_id IS NOT NULL AND (SELECT org_id FROM enrolments WHERE id = NEW.enrolment_id AND user_id = NEW.user_id) IS NOT NEW.org_id)
BEGIN SELECT RAISE(ABORT, 'cross-organisation reference: reflection'); END;--> statement-breakpoint
CREATE TRIGGER progress_events_same_organisation BEFORE INSERT ON progress_events
WHEN (SELECT org_id FROM module_versions WHERE id = NEW.module_version_id) IS NOT (SELECT org_id FROM enrolments WHERE id = NEW.enrolment_id)
BEGIN SELECT RAISE(ABORT, 'cross-organisation reference: progress event'); END;--> statement-breakpoint
CREATE TRIGGER module_progress_same_organisation BEFORE INSERT ON module_progress
WHEN (SELECT org_id FROM modules WHERE id = NEW.module_id) IS NOT (SELECT org_id FROM enrolments WHERE id = NEW.enrolment_id)
BEGIN SELECT RAISE(ABORT, 'cross-organisation reference: module progress'); END;--> statement-breakpoint
CREATE TRIGGER course_completions_same_organisation BEFORE INSERT ON course_completions
WHEN (SELECT org_id FROM course_versions WHERE id = NEW.course_version_id) IS NOT (SELECT org_id FROM enrolments WHERE id = NEW.enrolment_id)
BEGIN SELECT RAISE(ABORT, 'cross-organisation reference: course completion'); END;--> statement-breakpoint
CREATE TRIGGER enrolments_same_organisation BEFORE INSERT ON enrolments
WHEN (SELECT org_id FROM courses WHERE id = NEW.course_id) IS NOT NEW.org_id
  OR (SELECT course_id FROM course_versions WHERE id = NEW.course_version_id) IS NOT NEW.course_id
BEGIN SELECT RAISE(ABORT, 'cross-organisation reference: enrolment'); END;--> statement-breakpoint
CREATE TRIGGER enrolments_same_organisation_update BEFORE UPDATE OF org_id, course_id, course_version_id ON enrolments
WHEN (SELECT org_id FROM courses WHERE id = NEW.course_id) IS NOT NEW.org_id
  OR (SELECT course_id FROM course_versions WHERE id = NEW.course_version_id) IS NOT NEW.course_id
BEGIN SELECT RAISE(ABORT, 'cross-organisation reference: enrolment'); END;--> statement-breakpoint
CREATE TRIGGER course_versions_same_organisation BEFORE INSERT ON course_versions
WHEN (SELECT org_id FROM courses WHERE id = NEW.course_id) IS NOT NEW.org_id
BEGIN SELECT RAISE(ABORT, 'cross-organisation reference: course version'); END;--> statement-breakpoint
CREATE TRIGGER course_items_same_organisation BEFORE INSERT ON course_items
WHEN (SELECT org_id FROM module_versions WHERE id = NEW.module_version_id) IS NOT (SELECT org_id FROM courses WHERE id = NEW.course_id)
  OR (SELECT module_id FROM module_versions WHERE id = NEW.module_version_id) IS NOT NEW.module_id
BEGIN SELECT RAISE(ABORT, 'cross-organisation reference: course item'); END;--> statement-breakpoint
CREATE TRIGGER course_items_same_organisation_update BEFORE UPDATE OF course_id, module_id, module_version_id ON course_items
WHEN (SELECT org_id FROM module_versions WHERE id = NEW.module_version_id) IS NOT (SELECT org_id FROM courses WHERE id = NEW.course_id)
  OR (SELECT module_id FROM module_versions WHERE id = NEW.module_version_id) IS NOT NEW.module_id
BEGIN SELECT RAISE(ABORT, 'cross-organisation reference: course item'); END;--> statement-breakpoint
CREATE TRIGGER assignments_same_organisation BEFORE INSERT ON assignments
WHEN (SELECT org_id FROM courses WHERE id = NEW.course_id) IS NOT (SELECT org_id FROM cohorts WHERE id = NEW.cohort_id)
  OR (SELECT course_id FROM course_versions WHERE id = NEW.course_version_id) IS NOT NEW.course_id
BEGIN SELECT RAISE(ABORT, 'cross-organisation reference: assignment'); END;--> statement-breakpoint
CREATE TRIGGER assignments_same_organisation_update BEFORE UPDATE OF cohort_id, course_id, course_version_id ON assignments
WHEN (SELECT org_id FROM courses WHERE id = NEW.course_id) IS NOT (SELECT org_id FROM cohorts WHERE id = NEW.cohort_id)
  OR (SELECT course_id FROM course_versions WHERE id = NEW.course_version_id) IS NOT NEW.course_id
BEGIN SELECT RAISE(ABORT, 'cross-organisation reference: assignment'); END;
--> statement-breakpoint
-- The default "Your supervisor" resource spoke to admins ("Your organisation admin adds their details
-- here"); it is now hidden from learners until it has contact details, and speaks to them.
UPDATE `support_resources` SET `purpose` = 'Talk to your supervisor about anything from your peer support role that stays with you.'
WHERE `purpose` = 'Talk to your supervisor about anything from your peer support role that stays with you. Your organisation admin adds their details here.';
