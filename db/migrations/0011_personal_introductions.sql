CREATE TABLE `personal_introductions` (
	`user_id` text PRIMARY KEY NOT NULL,
	`pronouns` text DEFAULT '' NOT NULL,
	`lived_experience` text DEFAULT '' NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
