CREATE TABLE `course_completions` (
	`enrolment_id` text PRIMARY KEY NOT NULL,
	`course_version_id` text NOT NULL,
	`completed_at` integer NOT NULL,
	FOREIGN KEY (`enrolment_id`) REFERENCES `enrolments`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `course_items` (
	`course_id` text NOT NULL,
	`module_id` text NOT NULL,
	`module_version_id` text NOT NULL,
	`position` integer NOT NULL,
	PRIMARY KEY(`course_id`, `module_id`),
	FOREIGN KEY (`course_id`) REFERENCES `courses`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`module_id`) REFERENCES `modules`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`module_version_id`) REFERENCES `module_versions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `course_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`course_id` text NOT NULL,
	`org_id` text NOT NULL,
	`version` integer NOT NULL,
	`title` text NOT NULL,
	`description` text NOT NULL,
	`changelog` text NOT NULL,
	`items` text NOT NULL,
	`estimated_minutes` integer NOT NULL,
	`published_by` text,
	`published_at` integer NOT NULL,
	FOREIGN KEY (`course_id`) REFERENCES `courses`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`published_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `course_versions_course_version_idx` ON `course_versions` (`course_id`,`version`);--> statement-breakpoint
CREATE TABLE `courses` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`open_to_all` integer DEFAULT false NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `courses_org_idx` ON `courses` (`org_id`,`status`);--> statement-breakpoint
CREATE TABLE `enrolments` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`user_id` text NOT NULL,
	`course_id` text NOT NULL,
	`course_version_id` text NOT NULL,
	`source` text NOT NULL,
	`resume_module_version_id` text,
	`resume_section` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`course_id`) REFERENCES `courses`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`course_version_id`) REFERENCES `course_versions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `enrolments_user_course_idx` ON `enrolments` (`user_id`,`course_id`);--> statement-breakpoint
CREATE INDEX `enrolments_course_idx` ON `enrolments` (`course_id`,`course_version_id`);--> statement-breakpoint
CREATE TABLE `module_completions` (
	`enrolment_id` text NOT NULL,
	`module_version_id` text NOT NULL,
	`module_id` text NOT NULL,
	`completed_at` integer NOT NULL,
	PRIMARY KEY(`enrolment_id`, `module_id`),
	FOREIGN KEY (`enrolment_id`) REFERENCES `enrolments`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `module_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`module_id` text NOT NULL,
	`org_id` text NOT NULL,
	`version` integer NOT NULL,
	`title` text NOT NULL,
	`summary` text NOT NULL,
	`topic` text NOT NULL,
	`estimated_minutes` integer NOT NULL,
	`changelog` text NOT NULL,
	`doc` text NOT NULL,
	`html` text NOT NULL,
	`sections` text NOT NULL,
	`content_notes` text NOT NULL,
	`credits` text NOT NULL,
	`origin_credit` text,
	`published_by` text,
	`published_at` integer NOT NULL,
	FOREIGN KEY (`module_id`) REFERENCES `modules`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`published_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `module_versions_module_version_idx` ON `module_versions` (`module_id`,`version`);--> statement-breakpoint
CREATE INDEX `module_versions_org_idx` ON `module_versions` (`org_id`);--> statement-breakpoint
CREATE TABLE `progress_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`enrolment_id` text NOT NULL,
	`module_version_id` text NOT NULL,
	`kind` text NOT NULL,
	`section` integer,
	`check_id` text,
	`correct` integer,
	`answer` text,
	`at` integer NOT NULL,
	FOREIGN KEY (`enrolment_id`) REFERENCES `enrolments`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `progress_events_enrolment_idx` ON `progress_events` (`enrolment_id`,`module_version_id`,`kind`);--> statement-breakpoint
CREATE TABLE `reflections` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`org_id` text NOT NULL,
	`module_version_id` text,
	`prompt_id` text,
	`prompt` text NOT NULL,
	`context` text DEFAULT '' NOT NULL,
	`body` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `reflections_user_idx` ON `reflections` (`user_id`,`updated_at`);--> statement-breakpoint
CREATE TRIGGER module_versions_immutable BEFORE UPDATE ON module_versions
BEGIN
  SELECT RAISE(ABORT, 'module versions are immutable');
END;
--> statement-breakpoint
CREATE TRIGGER course_versions_immutable BEFORE UPDATE ON course_versions
BEGIN
  SELECT RAISE(ABORT, 'course versions are immutable');
END;
