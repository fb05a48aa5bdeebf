CREATE TABLE `workshop_session_attendance` (
	`session_id` text NOT NULL,
	`user_id` text NOT NULL,
	PRIMARY KEY(`session_id`, `user_id`),
	FOREIGN KEY (`session_id`) REFERENCES `workshop_sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `workshop_session_attendance_user_idx` ON `workshop_session_attendance` (`user_id`);--> statement-breakpoint
ALTER TABLE `workshop_sessions` ADD `break_resumed_at` integer;