CREATE TABLE `former_learner_counts` (
	`org_id` text NOT NULL,
	`course_id` text NOT NULL,
	`module_id` text NOT NULL,
	`started` integer DEFAULT 0 NOT NULL,
	`completed` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`org_id`, `course_id`, `module_id`),
	FOREIGN KEY (`org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `former_members` (
	`user_id` text PRIMARY KEY NOT NULL,
	`erased_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `retention_announcements` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`user_id` text NOT NULL,
	`announced_at` integer NOT NULL,
	`remove_on` integer NOT NULL,
	`settled_at` integer,
	`cancelled` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `retention_announcements_user_idx` ON `retention_announcements` (`org_id`,`user_id`,`settled_at`);--> statement-breakpoint
CREATE TABLE `retention_policies` (
	`org_id` text PRIMARY KEY NOT NULL,
	`months` integer NOT NULL,
	`updated_by` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
