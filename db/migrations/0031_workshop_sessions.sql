CREATE TABLE `workshop_session_people` (
	`session_id` text NOT NULL,
	`user_id` text NOT NULL,
	PRIMARY KEY(`session_id`, `user_id`),
	FOREIGN KEY (`session_id`) REFERENCES `workshop_sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `workshop_session_people_user_idx` ON `workshop_session_people` (`user_id`);--> statement-breakpoint
CREATE TABLE `workshop_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`module_id` text NOT NULL,
	`agenda` text NOT NULL,
	`sections_at_start` text NOT NULL,
	`started_by` text,
	`started_at` integer NOT NULL,
	`break_until` integer,
	`ended_by` text,
	`ended_at` integer,
	`summary` text,
	FOREIGN KEY (`module_id`) REFERENCES `modules`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`started_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`ended_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `workshop_sessions_running_idx` ON `workshop_sessions` (`module_id`) WHERE "workshop_sessions"."ended_at" is null;--> statement-breakpoint
CREATE INDEX `workshop_sessions_module_idx` ON `workshop_sessions` (`module_id`,`started_at`);