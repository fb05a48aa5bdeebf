CREATE TABLE `course_search_text` (
	`key` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`course_id` text NOT NULL,
	`title` text NOT NULL,
	`summary` text NOT NULL,
	`module_titles` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`course_id`) REFERENCES `courses`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `course_search_text_course_id_unique` ON `course_search_text` (`course_id`);--> statement-breakpoint
CREATE TABLE `module_search_text` (
	`key` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`module_id` text NOT NULL,
	`title` text NOT NULL,
	`summary` text NOT NULL,
	`body` text,
	FOREIGN KEY (`module_id`) REFERENCES `modules`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `module_search_text_module_id_unique` ON `module_search_text` (`module_id`);--> statement-breakpoint
CREATE TABLE `module_templates` (
	`module_id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`marked_by` text,
	`marked_at` integer NOT NULL,
	FOREIGN KEY (`module_id`) REFERENCES `modules`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`marked_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `module_templates_org_idx` ON `module_templates` (`org_id`);