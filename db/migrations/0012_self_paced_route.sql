CREATE TABLE `self_paced_learners` (
	`assignment_id` text NOT NULL,
	`user_id` text NOT NULL,
	`chosen_at` integer NOT NULL,
	PRIMARY KEY(`assignment_id`, `user_id`),
	FOREIGN KEY (`assignment_id`) REFERENCES `assignments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `assignments` ADD `self_paced_route` integer DEFAULT false NOT NULL;